package com.securetrunk.gateway.media;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.function.LongSupplier;

/**
 * Even/odd UDP port pairs from a configured range: RTP on the even port, RTCP on the next odd one
 * (RFC 3550 section 11). A released pair waits in quarantine before it is handed out again, so late
 * packets of the old call never reach a new one. Thread-safe; used on the control path only.
 */
public final class PortPool {
    private final int first;
    private final int pairs;
    private final long quarantineMillis;
    private final LongSupplier clockMillis;
    private final BitSet inUse;
    /** Free pair indexes, oldest first, so ports rotate through the whole range. */
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    /** Released pairs: index and the time it may be reused, in release order. */
    private final ArrayDeque<long[]> quarantine = new ArrayDeque<>();

    /**
     * @param min lowest port of the range (rounded up to even)
     * @param max highest port of the range (a pair needs both max-1 and max inside)
     */
    public PortPool(int min, int max, long quarantineMillis, LongSupplier clockMillis) {
        if (min < 1024 || max > 65535 || max <= min) {
            throw new IllegalArgumentException("port range " + min + "-" + max
                    + " (expected: 1024 <= min < max <= 65535)");
        }
        if (quarantineMillis < 0) {
            throw new IllegalArgumentException("quarantine " + quarantineMillis + " ms (expected: >= 0)");
        }
        this.first = (min + 1) & ~1;
        this.pairs = (max - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("port range " + min + "-" + max + " holds no even/odd pair");
        }
        this.quarantineMillis = quarantineMillis;
        this.clockMillis = clockMillis;
        this.inUse = new BitSet(pairs);
        for (int i = 0; i < pairs; i++) {
            free.add(i);
        }
    }

    public PortPool(int min, int max, long quarantineMillis) {
        this(min, max, quarantineMillis, System::currentTimeMillis);
    }

    /**
     * Takes {@code count} pairs at once, or none.
     *
     * @return the even RTP ports
     * @throws MediaException {@code PORTS_EXHAUSTED} when fewer than {@code count} pairs are free
     */
    public synchronized int[] allocate(int count) {
        expireQuarantine();
        if (count > free.size()) {
            throw new MediaException(MediaException.Kind.PORTS_EXHAUSTED, "port pool " + first + "-"
                    + (first + 2 * pairs - 1) + " exhausted: " + count + " pair(s) requested, " + free.size()
                    + " free, " + quarantine.size() + " in quarantine, " + inUse.cardinality() + " in use");
        }
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            int idx = free.poll();
            inUse.set(idx);
            ports[i] = first + 2 * idx;
        }
        return ports;
    }

    /** Returns pairs (by RTP port) to the pool through quarantine; ports not in use are ignored. */
    public synchronized void release(int... rtpPorts) {
        long until = clockMillis.getAsLong() + quarantineMillis;
        for (int port : rtpPorts) {
            int idx = (port - first) / 2;
            if (port < first || (port & 1) != 0 || idx >= pairs || !inUse.get(idx)) {
                continue;
            }
            inUse.clear(idx);
            if (quarantineMillis == 0) {
                free.add(idx);
            } else {
                quarantine.add(new long[] {idx, until});
            }
        }
    }

    /** Pairs that can be allocated right now. */
    public synchronized int available() {
        expireQuarantine();
        return free.size();
    }

    /** Pairs allocated and not yet released. */
    public synchronized int inUse() {
        return inUse.cardinality();
    }

    /** Pairs released but still in quarantine. */
    public synchronized int quarantined() {
        expireQuarantine();
        return quarantine.size();
    }

    /** Every pair of the range. */
    public int capacity() {
        return pairs;
    }

    private void expireQuarantine() {
        long now = clockMillis.getAsLong();
        while (!quarantine.isEmpty() && quarantine.peek()[1] <= now) {
            free.add((int) quarantine.poll()[0]);
        }
    }
}
