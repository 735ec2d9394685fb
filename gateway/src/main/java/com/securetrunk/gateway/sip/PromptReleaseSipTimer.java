package com.securetrunk.gateway.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's timer (stack property {@code gov.nist.javax.sip.TIMER_CLASS_NAME}), on one thread like the RI's default,
 * but a cancelled task leaves the queue at once.
 *
 * <p>Why: every call leaves 64*T1 (32 s) tasks behind (a dialog's "delete if no ACK" timers, Timer J of a UDP BYE
 * server transaction), each holding a dialog or transaction with its parsed messages, about 32 KB a call. The RI's
 * {@code ScheduledExecutorSipTimer} keeps cancelled tasks queued until a purge once a minute, and at 300 calls/s the
 * 10,000 calls' worth of state that lingers made G1's young collections copy hundreds of MB (pauses of 130-250 ms, the
 * p99 of issue 7's INVITE->200). With remove-on-cancel, whatever the stack (or {@link DialogAckTimers}) cancels is
 * garbage immediately.
 */
public final class PromptReleaseSipTimer implements SipTimer {
    private static final Logger LOG = LoggerFactory.getLogger(PromptReleaseSipTimer.class);

    private volatile ScheduledThreadPoolExecutor executor;

    /** Public and without arguments: the RI instantiates the class named in its properties. */
    public PromptReleaseSipTimer() {
    }

    @Override
    public void start(SipStackImpl sipStack, Properties configurationProperties) {
        String name = "sip-timer-" + sipStack.getStackName();
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        e.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        e.prestartAllCoreThreads();
        executor = e;
    }

    @Override
    public boolean schedule(SIPStackTimerTask task, long delayMs) {
        ScheduledFuture<?> f = running().schedule(() -> run(task), delayMs, TimeUnit.MILLISECONDS);
        task.setSipTimerTask(f);
        return true;
    }

    @Override
    public boolean scheduleWithFixedDelay(SIPStackTimerTask task, long delayMs, long periodMs) {
        ScheduledFuture<?> f = running().scheduleWithFixedDelay(() -> run(task), delayMs, periodMs, TimeUnit.MILLISECONDS);
        task.setSipTimerTask(f);
        return true;
    }

    @Override
    public boolean cancel(SIPStackTimerTask task) {
        Object f = task.getSipTimerTask();
        task.cleanUpBeforeCancel();
        task.setSipTimerTask(null);
        return f instanceof ScheduledFuture<?> future && future.cancel(false);
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor e = executor;
        if (e != null) {
            e.shutdownNow(); // the stack is going: its pending retransmissions and deletions go with it
        }
    }

    @Override
    public boolean isStarted() {
        ScheduledThreadPoolExecutor e = executor;
        return e != null && !e.isShutdown();
    }

    /** Tasks still queued; for tests and operators' diagnostics. */
    public int queued() {
        ScheduledThreadPoolExecutor e = executor;
        return e == null ? 0 : e.getQueue().size();
    }

    private ScheduledThreadPoolExecutor running() {
        ScheduledThreadPoolExecutor e = executor;
        if (e == null || e.isShutdown()) {
            // the RI's own timers say the same; its callers expect an unchecked exception here
            throw new IllegalStateException("the SIP stack timer has been stopped, no new tasks can be scheduled");
        }
        return e;
    }

    private static void run(SIPStackTimerTask task) {
        try {
            task.runTask();
        } catch (RuntimeException | Error e) {
            // a periodic task that throws would silently stop repeating; say which one failed
            LOG.error("SIP timer task {} failed", task.getClass().getName(), e);
        }
    }
}
