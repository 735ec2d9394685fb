package com.securetrunk.ami.connection;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code initial}, doubling per failed attempt up to {@code max}, each spread by
 * up to +/- {@code jitter} (a fraction) so many gateways restarting with one PBX do not all knock at once.
 * Pure: the random source is injected.
 *
 * @param initial delay before the first retry
 * @param max     the ceiling (jitter never exceeds it)
 * @param jitter  0 (none) to 1 (delay anywhere in 0..2x)
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    /** 0.5 s, 1 s, 2 s ... up to 30 s, +/-20 %. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial: expected > 0, found " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max: expected >= initial " + initial + ", found " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter: expected 0..1, found " + jitter);
        }
    }

    /**
     * @param attempt 0 for the first retry after a failure or drop
     * @param random  uniform in [0, 1)
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        long initialMs = initial.toMillis();
        long maxMs = max.toMillis();
        long base = attempt >= 62 ? maxMs : Math.min(maxMs, initialMs << Math.min(attempt, 30));
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        long ms = Math.round(base * spread);
        return Duration.ofMillis(Math.max(1, Math.min(maxMs, ms)));
    }
}
