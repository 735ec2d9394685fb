package com.securetrunk.gateway.media.ng;

import java.nio.charset.StandardCharsets;

/**
 * ng datagram framing: {@code <cookie> SP <bencoded dictionary>}. The reply carries the same cookie so the
 * client can match it, and a retransmitted request (same cookie) gets the same reply without running twice.
 */
record NgFrame(String cookie, byte[] body, int bodyOffset) {
    /** Longest cookie accepted; rtpengine clients use short random or counter strings. */
    static final int MAX_COOKIE = 256;

    static NgFrame parse(byte[] datagram) {
        int sp = -1;
        for (int i = 0; i < datagram.length && i <= MAX_COOKIE; i++) {
            if (datagram[i] == ' ') {
                sp = i;
                break;
            }
        }
        if (sp <= 0) {
            throw new IllegalArgumentException("ng datagram: expected '<cookie> <bencoded dictionary>' with a cookie of 1-"
                    + MAX_COOKIE + " bytes, found no space in the first " + Math.min(datagram.length, MAX_COOKIE + 1) + " bytes");
        }
        return new NgFrame(new String(datagram, 0, sp, StandardCharsets.ISO_8859_1), datagram, sp + 1);
    }

    static byte[] reply(String cookie, byte[] bencoded) {
        byte[] c = cookie.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[c.length + 1 + bencoded.length];
        System.arraycopy(c, 0, out, 0, c.length);
        out[c.length] = ' ';
        System.arraycopy(bencoded, 0, out, c.length + 1, bencoded.length);
        return out;
    }
}
