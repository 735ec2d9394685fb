package com.securetrunk.gateway.app.srtp;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code securetrunk srtp}: look inside SRTP captures (one-way audio debugging). */
@Command(name = "srtp", mixinStandardHelpOptions = true,
        description = "Decrypt or encrypt RTP/SRTP captures (pcap) with an SDES inline key.",
        subcommands = {SrtpDecryptCommand.class, SrtpEncryptCommand.class})
public final class SrtpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
