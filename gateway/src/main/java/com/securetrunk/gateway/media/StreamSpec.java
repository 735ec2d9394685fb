package com.securetrunk.gateway.media;

import java.util.Objects;

/**
 * One negotiated audio stream ({@code m=} line) bridged between leg A and leg B. Packets received on A's
 * ports go out of B's ports and the other way round.
 *
 * @param a         the first side (by convention the legacy PBX)
 * @param b         the second side (by convention the secure domain)
 * @param clockRate RTP clock rate of the codec in Hz, for the jitter estimate (RFC 3550 A.8); 8000 for G.711
 */
public record StreamSpec(LegSpec a, LegSpec b, int clockRate) {
    public StreamSpec {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " (expected: > 0 Hz)");
        }
    }

    public StreamSpec(LegSpec a, LegSpec b) {
        this(a, b, 8000);
    }
}
