package com.securetrunk.gateway.app.asterisk;

import com.securetrunk.ami.AmiSettings;
import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.OneShotProvisioning;
import com.securetrunk.ami.Secret;
import com.securetrunk.gateway.config.AmiConfig;
import com.securetrunk.gateway.config.LoadedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code securetrunk asterisk provision [--dry-run]}: logs in to the AMI configured in {@code securetrunk.ami},
 * discovers the PBX and creates or updates the trunk (only the categories SecureTrunk owns). With {@code --dry-run}
 * it prints the exact AMI actions and the resulting categories and sends nothing.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create or update the SecureTrunk trunk on the PBX over AMI (securetrunk.ami in --config).")
public final class AsteriskProvisionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "SecureTrunk config file; its securetrunk.ami block says how to reach the AMI.")
    Path config;

    @Option(names = "--dry-run", description = "Print the AMI actions and resulting config; send nothing.")
    boolean dryRun;

    @Option(names = "--driver", paramLabel = "pjsip|chan_sip",
            description = "Trunk driver. Default: ami.trunk.driver; auto = the one discovery finds (res_pjsip when "
                    + "it runs).")
    String driver;

    @Mixin
    TrunkOptions trunk;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            LoadedConfig loaded = Configs.load(Optional.of(config)).orElseThrow();
            AmiConfig ami = loaded.config().ami();
            if (ami.username().isBlank() || ami.secret().isEmpty()) {
                err.println("securetrunk.ami.username / securetrunk.ami.secret: expected the manager.conf user "
                        + "and secret SecureTrunk logs in with, found none in " + config + " (see docs/asterisk.md)");
                return 2;
            }
            AmiSettings settings = AmiSettings.of(ami.host(), ami.port(), ami.username(),
                    Secret.of(ami.secret().reveal(), "securetrunk.ami.secret"))
                    .withTimeouts(ami.actionTimeout(), ami.pingInterval());
            Optional<ChannelDriver> fixed = driver != null ? Optional.of(ChannelDriver.fromName(driver))
                    : com.securetrunk.gateway.app.AmiBridgeSetup.driver(ami.trunk().driver());
            if (fixed.isPresent()) {
                settings = settings.withConfiguredDriver(fixed.get());
            }
            settings = settings.withConfiguredProfile(loaded.config().pbx().profile());
            QuietAsteriskJava.apply();
            OneShotProvisioning.Outcome o = OneShotProvisioning.run(settings,
                    trunk.trunk(ChannelDriver.PJSIP, Optional.of(loaded.config())), dryRun);
            out.print(o.report());
            out.flush();
            return o.ok() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
