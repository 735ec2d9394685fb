package com.securetrunk.gateway.sip.input;

import com.securetrunk.gateway.sip.Side;
import com.securetrunk.gateway.sip.Transport;

/**
 * Told of every bad message the guard kept from the stack, once per message (metrics listen here). Called on the
 * socket's reader thread: must be quick.
 */
@FunctionalInterface
public interface BadInputObserver {
    void badMessage(Side side, Transport transport, BadInputOutcome outcome);

    /** Observes nothing. */
    BadInputObserver NONE = (side, transport, outcome) -> {
    };
}
