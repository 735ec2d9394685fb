package com.securetrunk.gateway.sip;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * INVITEs per second per source address: a fixed one-second window per source. Old windows are dropped when the
 * map grows, so a flood from many addresses cannot grow it without bound.
 */
final class InviteRateLimiter {
    private static final int MAX_SOURCES = 10_000;
    private final int perSecond;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    InviteRateLimiter(int perSecond, LongSupplier clockMillis) {
        this.perSecond = perSecond;
        this.clockMillis = clockMillis;
    }

    /** True when one more INVITE from {@code source} is within the rate. */
    boolean tryAcquire(String source) {
        if (perSecond <= 0) {
            return true;
        }
        long second = clockMillis.getAsLong() / 1000;
        if (windows.size() > MAX_SOURCES) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != second);
        }
        long[] w = windows.computeIfAbsent(source, s -> new long[] {second, 0});
        synchronized (w) {
            if (w[0] != second) {
                w[0] = second;
                w[1] = 0;
            }
            return ++w[1] <= perSecond;
        }
    }
}
