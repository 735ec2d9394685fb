package com.securetrunk.gateway.app.srtp;

import picocli.CommandLine.Command;

/** {@code securetrunk srtp decrypt}: SRTP/SRTCP capture -> plain RTP/RTCP capture. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt the SRTP/SRTCP packets of a capture into plain RTP/RTCP; packets that fail "
                + "authentication are counted and dropped.")
public final class SrtpDecryptCommand extends SrtpCaptureCommand {
    @Override
    CaptureTransformer.Direction direction() {
        return CaptureTransformer.Direction.DECRYPT;
    }
}
