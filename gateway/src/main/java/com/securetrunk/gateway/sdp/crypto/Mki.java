package com.securetrunk.gateway.sdp.crypto;

/**
 * Master Key Identifier (RFC 4568 section 6.1): {@code mki = mki-value ":" mki-length}, the value in decimal and
 * the length in bytes 1..128 carried in every SRTP packet. Twilio does not support MKI; neither do we.
 */
public record Mki(long value, int length) {

    public static final int MAX_LENGTH = 128;

    public Mki {
        if (value < 0) {
            throw new IllegalArgumentException("MKI value " + value + " (expected: >= 0)");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("MKI length " + length + " (expected: 1-" + MAX_LENGTH + ")");
        }
    }

    public String toText() {
        return value + ":" + length;
    }

    @Override
    public String toString() {
        return toText();
    }
}
