package com.securetrunk.testpbx;

import com.securetrunk.testpbx.cli.CallCommand;
import com.securetrunk.testpbx.cli.SecureDomainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar test-pbx.jar <command>}: simulators of the two peers around the gateway. Each
 * subcommand is its own class; add new ones to {@code subcommands}.
 */
@Command(name = "test-pbx", mixinStandardHelpOptions = true, version = "test-pbx 0.1.0",
        description = "Simulated peers for SecureTrunk: a legacy PBX and a Twilio-like secure domain.",
        subcommands = {PbxCommand.class, SecureDomainCommand.class, CallCommand.class})
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
