package com.securetrunk.gateway.sdp;

/**
 * Writes an SDP exactly: every line as {@code <type>=<value>} followed by CRLF (RFC 8866 section 5), in the
 * order the model holds them. Lines the negotiation did not touch come out byte for byte as they were read.
 */
public final class SdpWriter {

    private SdpWriter() {
    }

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(sdp.length());
        sdp.writeTo(out);
        return out.toString();
    }
}
