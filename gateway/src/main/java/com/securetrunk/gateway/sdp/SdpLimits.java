package com.securetrunk.gateway.sdp;

/**
 * Bounds on peer-controlled SDP (STYLE habit 7): a body over these is refused before any work is done on it.
 *
 * @param maxBytes      characters in the whole body
 * @param maxLines      lines in the whole body
 * @param maxMedia      media sections
 * @param maxLineLength characters in one line
 */
public record SdpLimits(int maxBytes, int maxLines, int maxMedia, int maxLineLength) {

    /** Generous for real offers (pjsua 2.15 offers about 1 KB, 30 lines) and small enough to bound work. */
    public static final SdpLimits DEFAULT = new SdpLimits(32 * 1024, 1024, 16, 4096);
}
