package com.securetrunk.gateway.srtp;

import java.util.ArrayList;
import java.util.List;

/**
 * SSRC -> stream context, open addressing on primitive ints: no boxing per lookup. The last hit is cached,
 * since nearly every session carries one SSRC. Bounded: {@link #isFull()} once {@code maxStreams} are in.
 */
final class SsrcTable {
    private final int[] keys;
    private final SrtpStreamContext[] values;
    private final int mask;
    private final int maxStreams;
    private int size;
    private SrtpStreamContext last;

    SsrcTable(int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams " + maxStreams + " (expected: >= 1)");
        }
        int capacity = Integer.highestOneBit(maxStreams * 2 - 1) << 1;
        this.keys = new int[capacity];
        this.values = new SrtpStreamContext[capacity];
        this.mask = capacity - 1;
        this.maxStreams = maxStreams;
    }

    SrtpStreamContext get(int ssrc) {
        SrtpStreamContext c = last;
        if (c != null && c.ssrc() == ssrc) {
            return c;
        }
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            c = values[i];
            if (c == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                last = c;
                return c;
            }
        }
    }

    boolean isFull() {
        return size >= maxStreams;
    }

    /** Adds a context for an SSRC not yet in the table; the caller checked {@link #isFull()}. */
    void put(SrtpStreamContext c) {
        int i = mix(c.ssrc()) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = c.ssrc();
        values[i] = c;
        size++;
        last = c;
    }

    int size() {
        return size;
    }

    List<SrtpStreamContext> snapshot() {
        List<SrtpStreamContext> out = new ArrayList<>(size);
        for (SrtpStreamContext c : values) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static int mix(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
