package com.securetrunk.gateway.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded relay.
 *
 * @param bindHost     address the media sockets bind to and the SDP advertises (e.g. 127.0.0.1 or the public IP)
 * @param portMin      lowest media port
 * @param portMax      highest media port
 * @param quarantine   how long a released port pair waits before reuse
 * @param idleTimeout  no media for this long in either direction ends the session (reported to the listener)
 * @param eventLoops   packet threads; 0 = one per available core
 * @param preferEpoll  use the native epoll transport when it loads (NIO otherwise)
 */
public record RelayConfig(String bindHost, int portMin, int portMax, Duration quarantine, Duration idleTimeout,
                          int eventLoops, boolean preferEpoll) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public RelayConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(quarantine, "quarantine");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout " + idleTimeout + " (expected: > 0)");
        }
        if (eventLoops < 0) {
            throw new IllegalArgumentException("event loops " + eventLoops + " (expected: >= 0, 0 = one per core)");
        }
    }

    /** Loopback defaults for tests and the benchmark: 60 s timeout, 2 s quarantine, one loop per core. */
    public static RelayConfig loopback(int portMin, int portMax) {
        return new RelayConfig("127.0.0.1", portMin, portMax, Duration.ofSeconds(2), DEFAULT_IDLE_TIMEOUT, 0, true);
    }

    public RelayConfig withIdleTimeout(Duration d) {
        return new RelayConfig(bindHost, portMin, portMax, quarantine, d, eventLoops, preferEpoll);
    }

    public RelayConfig withQuarantine(Duration d) {
        return new RelayConfig(bindHost, portMin, portMax, d, idleTimeout, eventLoops, preferEpoll);
    }

    public RelayConfig withEventLoops(int n) {
        return new RelayConfig(bindHost, portMin, portMax, quarantine, idleTimeout, n, preferEpoll);
    }

    public RelayConfig withPreferEpoll(boolean epoll) {
        return new RelayConfig(bindHost, portMin, portMax, quarantine, idleTimeout, eventLoops, epoll);
    }

    public int loopCount() {
        return eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops;
    }
}
