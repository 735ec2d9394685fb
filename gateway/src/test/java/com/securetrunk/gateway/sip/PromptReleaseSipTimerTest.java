package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link PromptReleaseSipTimer} as the stack built by {@link SipStackFactory} runs it. */
class PromptReleaseSipTimerTest {
    private static final String V4 = "127.0.0.1";
    private static int counter;

    private SipTestPeer peer;
    private PromptReleaseSipTimer timer;

    @BeforeEach
    void start() throws Exception {
        peer = new SipTestPeer(new SipStackSettings("timer-" + (++counter),
                List.of(new ListenPoint(V4, FreePorts.pick(V4), Transport.UDP)), null, SipStackLimits.defaults()));
        Object t = ((SIPTransactionStack) peer.handle.stack()).getTimer();
        assertThat(t).as("the factory installs our timer").isInstanceOf(PromptReleaseSipTimer.class);
        timer = (PromptReleaseSipTimer) t;
    }

    @AfterEach
    void close() {
        peer.close();
    }

    /** A task holding a large object, as a dialog timer holds its dialog. */
    private static final class Holding extends SIPStackTimerTask {
        Object held;
        final AtomicInteger runs = new AtomicInteger();

        Holding(Object held) {
            this.held = held;
        }

        @Override
        public void runTask() {
            runs.incrementAndGet();
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }

    @Test
    void aCancelledTaskLeavesTheQueueAtOnceAndWhatItHeldCanBeCollected() throws Exception {
        int before = timer.queued();
        Object dialogState = new byte[1 << 20];
        WeakReference<Object> ref = new WeakReference<>(dialogState);
        Holding task = new Holding(dialogState);
        dialogState = null;
        timer.schedule(task, 32_000);
        assertThat(timer.queued()).isEqualTo(before + 1);

        assertThat(timer.cancel(task)).isTrue();
        assertThat(timer.queued()).as("queue right after cancel").isEqualTo(before);
        task.held = null; // what the RI's task owner does; the queue must not be the one keeping it
        task = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(ref.get()).as("the cancelled task's state, reachable only through the timer").isNull();
    }

    @Test
    void tasksRunAfterTheirDelayAndAPeriodicTaskThatThrowsKeepsRunningAndIsNamedInTheLog() throws Exception {
        CountDownLatch once = new CountDownLatch(1);
        timer.schedule(new SIPStackTimerTask() {
            @Override
            public void runTask() {
                once.countDown();
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        }, 50);
        assertThat(once.await(5, TimeUnit.SECONDS)).isTrue();

        Logger logger = (Logger) LoggerFactory.getLogger(PromptReleaseSipTimer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            AtomicInteger runs = new AtomicInteger();
            class Failing extends SIPStackTimerTask {
                @Override
                public void runTask() {
                    runs.incrementAndGet();
                    throw new IllegalStateException("broken task");
                }

                @Override
                public Object getThreadHash() {
                    return null;
                }
            }
            Failing failing = new Failing();
            timer.scheduleWithFixedDelay(failing, 0, 20);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runs.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            timer.cancel(failing);
            assertThat(runs.get()).as("runs of a periodic task that throws").isGreaterThanOrEqualTo(3);
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains(Failing.class.getName());
            });
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void afterStopNothingRunsAndNewTasksAreRefused() throws Exception {
        Holding pending = new Holding(null);
        timer.schedule(pending, 100);
        timer.stop();
        assertThat(timer.isStarted()).isFalse();
        assertThat(timer.queued()).as("pending tasks dropped with the stack").isZero();
        assertThatThrownBy(() -> timer.schedule(new Holding(null), 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        Thread.sleep(300);
        assertThat(pending.runs.get()).isZero();
    }
}
