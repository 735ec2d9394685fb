package com.securetrunk.testpbx.sip;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last {@value #CAPACITY} SIP messages a UA received, so tests can assert what the peer actually sent
 * (in the manner of MockWebServer's {@code takeRequest}). Oldest entries are dropped when full.
 */
public final class ReceivedLog {
    static final int CAPACITY = 500;

    /** A received message and how it arrived. */
    public record Received(SipMessage message, Transport transport, InetSocketAddress from) {
    }

    private final ArrayDeque<Received> entries = new ArrayDeque<>();

    synchronized void add(Received r) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(r);
        notifyAll();
    }

    /** Everything still in the log, oldest first. */
    public synchronized List<Received> snapshot() {
        return new ArrayList<>(entries);
    }

    /**
     * Removes and returns the oldest message matching {@code filter}, waiting up to {@code timeout} for one
     * to arrive.
     */
    public synchronized Optional<Received> take(Predicate<SipMessage> filter, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<Received> it = entries.iterator(); it.hasNext(); ) {
                Received r = it.next();
                if (filter.test(r.message())) {
                    it.remove();
                    return Optional.of(r);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** {@link #take} for the next request with {@code method}. */
    public Optional<Received> takeRequest(String method, Duration timeout) throws InterruptedException {
        return take(m -> m.isRequest() && m.method().equals(method), timeout);
    }
}
