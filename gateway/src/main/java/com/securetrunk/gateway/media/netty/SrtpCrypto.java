package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.SrtpKeys;

/** RTP/SAVP legs through the SRTP engine (package srtp). */
final class SrtpCrypto {
    private SrtpCrypto() {
    }

    static LegCrypto create(SrtpKeys keys) {
        throw new UnsupportedOperationException("SRTP legs need the SRTP engine session API (branch srtp), not merged yet");
    }
}
