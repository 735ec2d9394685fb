package com.securetrunk.gateway.sip;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * INVITEs per second per source address: a token bucket per source holding at most one second's worth, refilled
 * continuously, so a burst above the rate is refused at once rather than at the next second boundary. Buckets of
 * quiet sources are dropped when the map grows, so a flood from many addresses cannot grow it without bound.
 */
final class InviteRateLimiter {
    private static final int MAX_SOURCES = 10_000;
    private final int perSecond;
    private final LongSupplier clockNanos;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

    /** @param clockNanos a monotonic clock in nanoseconds (System::nanoTime) */
    InviteRateLimiter(int perSecond, LongSupplier clockNanos) {
        this.perSecond = perSecond;
        this.clockNanos = clockNanos;
    }

    /** True when one more INVITE from {@code source} is within the rate. */
    boolean tryAcquire(String source) {
        if (perSecond <= 0) {
            return true;
        }
        double now = clockNanos.getAsLong() / 1e9;
        if (buckets.size() > MAX_SOURCES) {
            buckets.entrySet().removeIf(e -> now - e.getValue()[1] > 1.0);
        }
        double[] b = buckets.computeIfAbsent(source, s -> new double[] {perSecond, now});
        synchronized (b) {
            b[0] = Math.min(perSecond, b[0] + (now - b[1]) * perSecond);
            b[1] = now;
            if (b[0] >= 1.0) {
                b[0] -= 1.0;
                return true;
            }
            return false;
        }
    }
}
