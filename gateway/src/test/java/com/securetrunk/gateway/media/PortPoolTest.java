package com.securetrunk.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PortPoolTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void handsOutEvenRtpPortsWithinTheRangeRoundedToPairs() {
        PortPool pool = new PortPool(30001, 30010, 0, now::get);
        assertThat(pool.capacity()).isEqualTo(4); // 30002/3 .. 30008/9; 30010 has no odd partner
        int[] ports = pool.allocate(4);
        assertThat(ports).containsExactly(30002, 30004, 30006, 30008);
    }

    @Test
    void refusesClearlyWhenExhaustedAndAllocatesAllOrNothing() {
        PortPool pool = new PortPool(30000, 30007, 0, now::get);
        pool.allocate(3);
        assertThatThrownBy(() -> pool.allocate(2))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("exhausted").hasMessageContaining("2 pair(s) requested, 1 free")
                .satisfies(e -> assertThat(((MediaException) e).kind()).isEqualTo(MediaException.Kind.PORTS_EXHAUSTED));
        assertThat(pool.available()).isEqualTo(1);
    }

    @Test
    void releasedPairsWaitInQuarantineBeforeReuse() {
        PortPool pool = new PortPool(30000, 30003, 5_000, now::get);
        int[] p = pool.allocate(2);
        pool.release(p[0]);
        assertThat(pool.available()).isZero();
        assertThat(pool.quarantined()).isEqualTo(1);
        assertThatThrownBy(() -> pool.allocate(1)).hasMessageContaining("1 in quarantine");
        now.addAndGet(4_999);
        assertThat(pool.available()).isZero();
        now.addAndGet(1);
        assertThat(pool.available()).isEqualTo(1);
        assertThat(pool.allocate(1)).containsExactly(p[0]);
    }

    @Test
    void rotatesThroughTheRangeAndIgnoresForeignOrDoubleReleases() {
        PortPool pool = new PortPool(30000, 30005, 0, now::get);
        int first = pool.allocate(1)[0];
        pool.release(first);
        pool.release(first, 30001, 29998, 40000);
        assertThat(pool.available()).isEqualTo(3);
        assertThat(pool.allocate(1)[0]).isNotEqualTo(first);
    }

    @Test
    void rejectsNonsenseRanges() {
        assertThatThrownBy(() -> new PortPool(80, 1000, 0)).hasMessageContaining("expected: 1024 <= min < max <= 65535");
        assertThatThrownBy(() -> new PortPool(30001, 30001, 0)).hasMessageContaining("expected");
    }
}
