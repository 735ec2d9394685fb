package com.securetrunk.gateway.app.asterisk;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code securetrunk asterisk ...}: the Asterisk drop-in trunk, printed or provisioned over AMI. */
@Command(name = "asterisk", mixinStandardHelpOptions = true,
        description = "Asterisk trunk toward SecureTrunk: print a drop-in (config) or create it over AMI (provision).",
        subcommands = {AsteriskConfigCommand.class, AsteriskProvisionCommand.class})
public final class AsteriskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
