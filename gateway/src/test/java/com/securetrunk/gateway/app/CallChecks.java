package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Checks the end-to-end tests of the running gateway share: audio heard, a call's end, a condition in time, and the
 * teardown (gateway first, then the simulators).
 */
final class CallChecks {
    /** How long a call may take to end once it should. */
    static final Duration END_WAIT = Duration.ofSeconds(10);

    private CallChecks() {
    }

    /** At least 25 frames of the far side's signal, sample-accurate, nothing lost or damaged. */
    static void assertClean(AudioReport r, String who) {
        assertThat(r.problems(25)).as(who + ": " + r.summary()).isEmpty();
    }

    /** Waits for {@code c} to end and says why it did. */
    static EndReason ended(Call c) throws InterruptedException {
        assertThat(c.awaitState(CallState.ENDED, END_WAIT)).as("call ended: %s", c).isTrue();
        return c.endReason().orElseThrow();
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@code d}. */
    static void within(Duration d, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + d + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Stops the gateway and checks it left no media session or port allocated; null: it never started. */
    static void closeLeavingNothing(Gateway gateway) {
        if (gateway != null) {
            gateway.close();
            assertThat(gateway.relay().sessionCount()).as("media sessions left").isZero();
            assertThat(gateway.relay().pool().inUse()).as("media ports left").isZero();
        }
    }

    /** Closes each in order, skipping nulls (parts a test never started). */
    static void closeAll(AutoCloseable... parts) throws Exception {
        for (AutoCloseable p : parts) {
            if (p != null) {
                p.close();
            }
        }
    }
}
