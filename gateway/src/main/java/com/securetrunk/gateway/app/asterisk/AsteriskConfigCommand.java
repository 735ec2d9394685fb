package com.securetrunk.gateway.app.asterisk;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.provision.DropInTrunk;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.load.ProfileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code securetrunk asterisk config --driver pjsip|chan_sip --profile NAME}: prints a ready-to-paste trunk (and the
 * dialplan) for administrators who do not want AMI provisioning. The rendering lives in ami-bridge
 * ({@link DropInTrunk}), so what is printed is what provisioning would create.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print a ready-to-paste SecureTrunk trunk for pjsip.conf or sip.conf, with its dialplan.")
public final class AsteriskConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--driver", required = true, paramLabel = "pjsip|chan_sip", description = "The PBX's SIP driver.")
    String driver;

    @Option(names = "--profile", required = true, paramLabel = "NAME",
            description = "The PBX's compatibility profile (securetrunk profiles list).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "SecureTrunk config file (for the gateway address).")
    Path config;

    @Mixin
    TrunkOptions trunk;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            ChannelDriver d = ChannelDriver.fromName(driver);
            var loaded = Configs.load(Optional.ofNullable(config));
            ProfileCatalog catalog = loaded.map(l -> l.profiles()).orElseGet(ProfileLoader::builtInCatalog);
            if (catalog.find(profile).isEmpty()) {
                err.println("--profile: expected one of " + String.join(", ", catalog.names()) + ", found '"
                        + profile + "'");
                return 2;
            }
            out.print(DropInTrunk.render(trunk.trunk(d, loaded.map(l -> l.config())), profile));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
