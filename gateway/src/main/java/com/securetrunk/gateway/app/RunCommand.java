package com.securetrunk.gateway.app;

import com.securetrunk.gateway.config.AppConfigLoader;
import com.securetrunk.profiles.hocon.ConfigProblem;
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
 * {@code securetrunk run --config FILE}: starts the gateway (media relay, B2BUA, both SIP stacks), prints where it
 * listens and runs until SIGTERM/SIGINT, which shuts it down gracefully (503 to new calls, calls in progress may go
 * on for {@code sip.shutdown-grace-period}, then BYE). {@code --check} only validates and prints the configuration.
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

    @Option(names = "--check", description = "Only validate and print the configuration; start nothing.")
    boolean check;

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
        if (check) {
            out.println("# Effective configuration (secrets redacted)");
            out.println(EffectiveConfig.render(loaded.effective()));
            out.println("PBX profile: " + loaded.config().pbx().profile() + "; secure-domain profile: "
                    + loaded.config().secureDomain().profile());
            out.println("The configuration is valid (--check: nothing started).");
            out.flush();
            return 0;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(loaded);
        } catch (RuntimeException e) {
            err.println("securetrunk: cannot start: " + e.getMessage());
            err.flush();
            return EXIT_START_FAILED;
        }
        java.time.Duration grace = loaded.config().sip().shutdownGracePeriod();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: new calls get 503, calls in progress may go on for {}", grace);
            gateway.shutdown(grace);
            stopped.countDown();
        }, "securetrunk-shutdown"));
        out.println("PBX profile: " + loaded.config().pbx().profile() + "; secure-domain profile: "
                + loaded.config().secureDomain().profile());
        for (String line : gateway.listeningSummary()) {
            out.println("listening " + line);
        }
        if (gateway.amiStatus().isPresent()) {
            out.println("AMI bridge to Asterisk at " + loaded.config().ami().host() + ":" + loaded.config().ami().port()
                    + " (connects in the background; its state is logged)");
        }
        // from JVM start, so the figure is what a user waits for (class loading and config included)
        out.printf(java.util.Locale.ROOT, "SecureTrunk started in %d ms%n",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Exit status when the gateway cannot start (port in use, unreadable certificate...). */
    public static final int EXIT_START_FAILED = 3;
}
