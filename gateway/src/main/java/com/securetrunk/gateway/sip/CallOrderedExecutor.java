package com.securetrunk.gateway.sip;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a fixed set of lanes, one thread each, a task's lane chosen by its key (the Call-ID): tasks of one call
 * run one at a time in the order submitted, tasks of different calls run in parallel.
 *
 * <p>Why: JAIN-SIP RI in OIO mode reads each TCP/TLS connection on one thread and, unless told otherwise, runs the
 * listener on that same thread. A SIP trunk is one connection carrying every call, so every response from the secure
 * domain (100, 180, 200 with its SRTP set-up, ACK and answer to the PBX, 200 retransmissions) was handled one after the
 * other on one thread, while the UDP side has a pool. On a busy two-core machine that thread fell behind, the far end
 * retransmitted its 200s for lack of our ACK, which queued more work on the same thread: the collapse at 300 calls/s
 * in bench/signalling. JAIN-SIP's own remedy, {@code TCP_POST_PARSING_THREAD_POOL_SIZE}, is one static pool shared by
 * every stack in the JVM that any stack's {@code stop()} shuts down; this one belongs to one B2BUA.
 */
final class CallOrderedExecutor {
    private final ExecutorService[] lanes;

    CallOrderedExecutor(String name, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes: " + lanes + " (expected: >= 1)");
        }
        this.lanes = new ExecutorService[lanes];
        for (int i = 0; i < lanes; i++) {
            String threadName = name + "-" + i;
            this.lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Runs {@code task} after every task submitted earlier with an equal {@code key}; false once shut down. */
    boolean execute(String key, Runnable task) {
        try {
            lanes[Math.floorMod(key == null ? 0 : key.hashCode(), lanes.length)].execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops taking tasks; tasks already queued still run (up to {@code waitMs}). */
    void shutdown(long waitMs) {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }
}
