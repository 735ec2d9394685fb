package com.securetrunk.gateway.app;

import com.securetrunk.gateway.app.logging.LogLevels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code securetrunk} command line: every operator-facing entry point is a subcommand. */
@Command(name = "securetrunk", mixinStandardHelpOptions = true, version = "SecureTrunk 0.1.0-SNAPSHOT",
        description = "SIP/TLS + SRTP gateway between a legacy PBX and a secure SIP domain.",
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                ProfilesCommand.class,
                com.securetrunk.gateway.app.srtp.SrtpCommand.class,
                RelayCommand.class,
                com.securetrunk.gateway.app.asterisk.AsteriskCommand.class,
                com.securetrunk.gateway.app.sdp.SdpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Applied as soon as picocli parses it, before the subcommand runs; inherited by every subcommand. */
    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log level: error, warn, info (default), debug or trace. Logs go to stderr.")
    void logLevel(String level) {
        LogLevels.setRoot(level);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests run it in-process with their own out/err writers). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
