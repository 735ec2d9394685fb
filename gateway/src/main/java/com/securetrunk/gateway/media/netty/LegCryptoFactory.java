package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.LegSpec;

/** Builds the {@link LegCrypto} a {@link LegSpec} asks for. Runs on the control path (key derivation happens here). */
final class LegCryptoFactory {
    private LegCryptoFactory() {
    }

    static LegCrypto create(LegSpec spec) {
        if (spec.srtp() == null) {
            return PlainCrypto.INSTANCE;
        }
        return SrtpCrypto.create(spec.srtp());
    }
}
