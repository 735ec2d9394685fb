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
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with an error handler that reports a bad option value or an unusable port in one
     * line (exit code 1) instead of a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TestPbxMain());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                String what = e instanceof java.net.BindException ? "cannot listen: " : "";
                commandLine.getErr().println(commandLine.getCommandName() + ": " + what + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
