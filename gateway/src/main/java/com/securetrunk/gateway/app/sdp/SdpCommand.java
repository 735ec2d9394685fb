package com.securetrunk.gateway.app.sdp;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code securetrunk sdp ...}: see what the gateway does with an SDP. */
@Command(name = "sdp", mixinStandardHelpOptions = true,
        description = "Show what the gateway would send on, or answer, for an SDP offer read from stdin.",
        subcommands = {SdpRewriteCommand.class, SdpAnswerCommand.class})
public final class SdpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
