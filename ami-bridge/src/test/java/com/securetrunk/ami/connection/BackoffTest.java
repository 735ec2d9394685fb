package com.securetrunk.ami.connection;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Backoff B = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    @Test
    void doublesUpToTheCeilingWithoutJitterAtTheMidpoint() {
        long[] ms = new long[9];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = B.delay(i, () -> 0.5).toMillis();
        }
        assertThat(ms).containsExactly(500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000);
        assertThat(B.delay(1_000_000, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsWithinItsFractionAndNeverPassesTheCeiling() {
        assertThat(B.delay(2, () -> 0.0).toMillis()).isEqualTo(1600);
        assertThat(B.delay(2, () -> 0.999999).toMillis()).isEqualTo(2400);
        assertThat(B.delay(10, () -> 0.999999)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 1).delay(0, () -> 0.0).toMillis())
                .isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1)).hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1)).hasMessageContaining("max");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN)).hasMessageContaining("jitter");
    }
}
