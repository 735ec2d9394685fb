package com.securetrunk.testpbx.media;

import java.util.Optional;

/**
 * The SDES suites the simulated secure domain knows (RFC 4568 section 6.2): AES-128 counter mode with
 * HMAC-SHA1, 80- or 32-bit SRTP tags. SRTCP always uses the 80-bit tag. Master key 16 bytes, salt 14.
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    public static final int KEY_LENGTH = 16;
    public static final int SALT_LENGTH = 14;

    private final int authTagLength;

    SrtpSuite(int authTagLength) {
        this.authTagLength = authTagLength;
    }

    public int authTagLength() {
        return authTagLength;
    }

    public static Optional<SrtpSuite> forName(String name) {
        for (SrtpSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
