package com.securetrunk.gateway.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code securetrunk} command line: every operator-facing entry point is a subcommand. */
@Command(name = "securetrunk", mixinStandardHelpOptions = true, version = "SecureTrunk 0.1.0-SNAPSHOT",
        description = "SIP/TLS + SRTP gateway between a legacy PBX and a secure SIP domain.",
        subcommands = {CommandLine.HelpCommand.class, com.securetrunk.gateway.app.srtp.SrtpCommand.class,
                RelayCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
