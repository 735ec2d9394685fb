package com.securetrunk.gateway.srtp;

/**
 * Replay list for one stream (RFC 3711 section 3.3.2): remembers which of the last {@code size} indices
 * were received. Indices are the 48-bit SRTP packet index or the 31-bit SRTCP index.
 *
 * <p>A ring of 64-bit words indexed by {@code index / 64} (the RFC 6479 scheme): advancing the window
 * clears whole words instead of shifting a bitmap, so an update costs the same for any jump. The ring has
 * one spare word beyond {@code size}, so bits still inside the window are never cleared early.
 *
 * <p>{@link #check} only looks; {@link #accept} records, and is called only after the packet authenticated,
 * so a forged packet cannot move the window.
 */
final class ReplayWindow {
    /** libsrtp's default window (srtp_policy_t.window_size) and the minimum RFC 3711 section 3.3.2 asks of us. */
    static final int DEFAULT_SIZE = 128;

    private final int size;
    private final long[] ring;
    private final int mask;
    private long highest = -1;

    ReplayWindow(int size) {
        if (size < 64 || size % 64 != 0) {
            throw new IllegalArgumentException("replay window " + size + " (expected: a multiple of 64, >= 64)");
        }
        this.size = size;
        int words = Integer.highestOneBit(size / 64 + 1);
        if (words < size / 64 + 1) {
            words <<= 1;
        }
        this.ring = new long[words];
        this.mask = words - 1;
    }

    /** The highest index accepted so far, or -1 before the first. */
    long highest() {
        return highest;
    }

    /** OK if {@code index} is new and inside (or ahead of) the window, otherwise why not. */
    SrtpStatus check(long index) {
        if (index > highest) {
            return SrtpStatus.OK;
        }
        if (highest - index >= size) {
            return SrtpStatus.REPLAY_OLD;
        }
        long word = ring[(int) (index >>> 6) & mask];
        return (word & (1L << (index & 63))) != 0 ? SrtpStatus.REPLAY_DUP : SrtpStatus.OK;
    }

    /** Records {@code index}, which {@link #check} said was OK and which authenticated. */
    void accept(long index) {
        if (index > highest) {
            long newWord = index >>> 6;
            if (highest < 0 || newWord - (highest >>> 6) > mask) {
                java.util.Arrays.fill(ring, 0L);
            } else {
                for (long w = (highest >>> 6) + 1; w <= newWord; w++) {
                    ring[(int) w & mask] = 0L;
                }
            }
            highest = index;
        }
        ring[(int) (index >>> 6) & mask] |= 1L << (index & 63);
    }
}
