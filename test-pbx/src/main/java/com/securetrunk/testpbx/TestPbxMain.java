package com.securetrunk.testpbx;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code test-pbx} command line: {@code pbx} (simulated Asterisk) and {@code secure-domain}. */
@Command(name = "test-pbx", mixinStandardHelpOptions = true, version = "SecureTrunk test-pbx 0.1.0-SNAPSHOT",
        description = "Simulators of an Asterisk PBX and of a secure SIP domain, for tests and demos.",
        subcommands = {CommandLine.HelpCommand.class, PbxCommand.class})
public final class TestPbxMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TestPbxMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
