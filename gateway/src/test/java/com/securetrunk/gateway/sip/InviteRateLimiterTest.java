package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InviteRateLimiterTest {
    @Test
    void aBurstAboveTheRateIsRefusedAndTheBucketRefillsOverASecond() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        InviteRateLimiter l = new InviteRateLimiter(3, now::get);
        assertThat(l.tryAcquire("a")).isTrue();
        assertThat(l.tryAcquire("a")).isTrue();
        assertThat(l.tryAcquire("a")).isTrue();
        assertThat(l.tryAcquire("a")).isFalse();
        assertThat(l.tryAcquire("b")).as("another source has its own bucket").isTrue();
        now.addAndGet(340_000_000L); // a third of a second: one token back
        assertThat(l.tryAcquire("a")).isTrue();
        assertThat(l.tryAcquire("a")).isFalse();
    }
}
