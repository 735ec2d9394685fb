package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.MediaEventListener;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SessionStats;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One call's media: its streams (two {@link RelayLeg}s each), all on one event loop, and the inactivity
 * timer that reports a silent call to the signalling layer.
 */
final class RelaySession {
    final SessionId id;
    final EventLoop loop;
    final long epochNanos = System.nanoTime();
    final List<RelayLeg[]> streams = new ArrayList<>();
    /** Valid packets received on any leg; only the loop writes it. */
    long activity;
    private long lastSeenActivity = -1;
    private long lastChangeNanos = System.nanoTime();
    private boolean reported;
    private ScheduledFuture<?> idleCheck;

    RelaySession(SessionId id, EventLoop loop) {
        this.id = id;
        this.loop = loop;
    }

    /** Starts the inactivity timer; on the loop. */
    void startIdleTimer(long timeoutNanos, MediaEventListener listener) {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        idleCheck = loop.scheduleAtFixedRate(() -> checkIdle(timeoutNanos, listener), period, period, TimeUnit.NANOSECONDS);
    }

    private void checkIdle(long timeoutNanos, MediaEventListener listener) {
        long now = System.nanoTime();
        if (activity != lastSeenActivity) {
            lastSeenActivity = activity;
            lastChangeNanos = now;
            reported = false;
            return;
        }
        long idle = now - lastChangeNanos;
        if (idle >= timeoutNanos && !reported) {
            reported = true;
            try {
                listener.sessionTimedOut(id, TimeUnit.NANOSECONDS.toSeconds(idle));
            } catch (RuntimeException e) {
                // the listener's failure must not stop the loop; it is the listener's job to log
            }
        }
    }

    /** On the loop. */
    SessionStats snapshot() {
        List<SessionStats.StreamStats> out = new ArrayList<>(streams.size());
        for (RelayLeg[] s : streams) {
            out.add(new SessionStats.StreamStats(s[0].snapshot(), s[1].snapshot()));
        }
        return new SessionStats(id, out, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastChangeNanos));
    }

    /** On the loop: stops the timer, closes every socket, returns the final counters. */
    LegStats close() {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        LegStats total = LegStats.ZERO;
        for (RelayLeg[] s : streams) {
            total = total.plus(s[0].snapshot()).plus(s[1].snapshot());
            s[0].close();
            s[1].close();
        }
        return total;
    }
}
