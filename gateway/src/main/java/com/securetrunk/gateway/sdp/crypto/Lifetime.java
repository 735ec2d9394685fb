package com.securetrunk.gateway.sdp.crypto;

/**
 * Master key lifetime in packets (RFC 4568 section 6.1): {@code lifetime = ["2^"] 1*(DIGIT)}. Written as it
 * was read: {@code 2^31} stays a power of two, {@code 1048576} stays decimal.
 *
 * @param powerOfTwo true for the {@code 2^n} form
 * @param value      the exponent n when {@code powerOfTwo}, else the packet count
 */
public record Lifetime(boolean powerOfTwo, long value) {

    /** SRTP's own limit on a master key: 2^48 packets (RFC 3711 section 9.2). */
    public static final int MAX_EXPONENT = 48;

    public Lifetime {
        if (value < 0 || powerOfTwo && value > MAX_EXPONENT || !powerOfTwo && value > (1L << MAX_EXPONENT)) {
            throw new IllegalArgumentException("lifetime " + (powerOfTwo ? "2^" : "") + value
                    + " (expected: at most 2^" + MAX_EXPONENT + " packets)");
        }
    }

    public static Lifetime powerOfTwo(int exponent) {
        return new Lifetime(true, exponent);
    }

    public long packets() {
        return powerOfTwo ? 1L << value : value;
    }

    public String toText() {
        return powerOfTwo ? "2^" + value : Long.toString(value);
    }

    @Override
    public String toString() {
        return toText();
    }
}
