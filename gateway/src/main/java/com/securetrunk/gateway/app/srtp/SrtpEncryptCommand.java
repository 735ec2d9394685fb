package com.securetrunk.gateway.app.srtp;

import picocli.CommandLine.Command;

/** {@code securetrunk srtp encrypt}: plain RTP/RTCP capture -> SRTP/SRTCP capture. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt the RTP/RTCP packets of a capture into SRTP/SRTCP.")
public final class SrtpEncryptCommand extends SrtpCaptureCommand {
    @Override
    CaptureTransformer.Direction direction() {
        return CaptureTransformer.Direction.ENCRYPT;
    }
}
