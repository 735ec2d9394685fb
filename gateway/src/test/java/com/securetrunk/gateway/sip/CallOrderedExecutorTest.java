package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallOrderedExecutorTest {
    @Test
    void tasksOfOneCallRunInSubmissionOrderOneAtATime() throws Exception {
        CallOrderedExecutor e = new CallOrderedExecutor("test", 4);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int[] running = {0};
        int[] maxRunning = {0};
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThat(e.execute("call-1@host", () -> {
                synchronized (running) {
                    maxRunning[0] = Math.max(maxRunning[0], ++running[0]);
                }
                seen.add(n);
                Thread.yield();
                synchronized (running) {
                    running[0]--;
                }
                done.countDown();
            })).isTrue();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(maxRunning[0]).isEqualTo(1);
        e.shutdown(1000);
    }

    @Test
    void aSlowCallDoesNotHoldUpTheOthers() throws Exception {
        CallOrderedExecutor e = new CallOrderedExecutor("test", 8);
        CountDownLatch release = new CountDownLatch(1);
        String slow = "slow@host";
        e.execute(slow, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        // calls on other lanes than the slow one finish while it is still blocked
        CountDownLatch others = new CountDownLatch(20);
        int submitted = 0;
        for (int i = 0; submitted < 20; i++) {
            String key = "call-" + i + "@host";
            if (Math.floorMod(key.hashCode(), 8) == Math.floorMod(slow.hashCode(), 8)) {
                continue;
            }
            e.execute(key, others::countDown);
            submitted++;
        }
        assertThat(others.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        e.shutdown(1000);
    }

    @Test
    void afterShutdownTasksAreRefusedSoTheCallerRunsThemItself() {
        CallOrderedExecutor e = new CallOrderedExecutor("test", 2);
        e.shutdown(1000);
        assertThat(e.execute("x", () -> { })).isFalse();
    }
}
