package com.securetrunk.ami;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bridge's connection as the gateway's status page shows it.
 *
 * @param state       where the connection is
 * @param since       when it entered that state
 * @param attempt     consecutive failed attempts since the last successful login (0 when connected)
 * @param lastError   the last failure, in words (never contains the secret)
 * @param identity    what discovery found on the current or last connection
 * @param warnings    discovery warnings for that identity
 */
public record ConnectionStatus(State state, Instant since, int attempt, Optional<String> lastError,
                               Optional<PbxIdentity> identity, List<PbxWarning> warnings) {

    public ConnectionStatus {
        warnings = List.copyOf(warnings);
    }

    /** Connection states. */
    public enum State {
        /** Not started, or stopped. */
        STOPPED,
        /** A TCP connect + login is in progress. */
        CONNECTING,
        /** Logged in; events flow. */
        CONNECTED,
        /** The last attempt failed or the connection dropped; the next attempt is scheduled. */
        WAITING_TO_RECONNECT
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }
}
