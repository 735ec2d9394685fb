package com.securetrunk.gateway.app;

import com.securetrunk.gateway.config.AppConfigLoader;
import com.securetrunk.gateway.config.ConfigProblem;
import com.securetrunk.gateway.config.EffectiveConfig;
import com.securetrunk.gateway.config.InvalidConfigException;
import com.securetrunk.gateway.config.LoadedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code securetrunk run --config FILE}: starts the gateway. Until the SIP edge exists it loads and validates the
 * configuration, prints it (secrets redacted) and says plainly that nothing is listening yet.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the gateway from a configuration file (HOCON; see reference.conf for every key).")
public final class RunCommand implements Callable<Integer> {

    /** Exit status when the configuration is refused. */
    public static final int EXIT_INVALID_CONFIG = 2;

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file; without it the embedded defaults (and SECURETRUNK_* variables) apply.")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded;
        try {
            loaded = AppConfigLoader.load(Optional.ofNullable(config));
        } catch (InvalidConfigException e) {
            err.println("securetrunk: the configuration was refused (" + e.problems().size() + " problem(s)):");
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.flush();
            return EXIT_INVALID_CONFIG;
        }
        LOG.info("configuration loaded from {}", config == null ? "embedded defaults" : config);
        out.println("# Effective configuration (secrets redacted)");
        out.println(EffectiveConfig.render(loaded.effective()));
        out.println("PBX profile: " + loaded.config().pbx().profile() + "; secure-domain profile: "
                + loaded.config().secureDomain().profile());
        out.println("The configuration is valid. The SIP edge is not built yet: 'run' only validates and prints the "
                + "configuration; nothing is listening.");
        out.flush();
        return 0;
    }
}
