package com.securetrunk.gateway.sip;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIP message tracing, switched on and off at run time per peer address (the admin endpoint's {@code /trace}).
 * A traced message is one INFO line on logger {@code securetrunk.sip.trace}; the log layout masks SDES inline keys
 * and password values, and Authorization headers are masked before logging. The check on the hot signalling path
 * is one lookup in an empty-by-default set.
 */
public final class SipTraceSwitch {
    /** Traces every peer. */
    public static final String ALL = "*";
    static final int MAX_PEERS = 256;

    private final Set<String> peers = ConcurrentHashMap.newKeySet();

    /** Turns tracing of {@code peer} (an IP address, or {@value #ALL}) on or off. */
    public void set(String peer, boolean on) {
        String p = peer.trim();
        if (on) {
            if (peers.size() >= MAX_PEERS && !peers.contains(p)) {
                throw new IllegalStateException("at most " + MAX_PEERS + " peers may be traced at once");
            }
            peers.add(p);
        } else {
            peers.remove(p);
        }
    }

    /** Whether messages to or from {@code address} are traced. */
    public boolean tracing(String address) {
        return !peers.isEmpty() && (peers.contains(ALL) || peers.contains(address));
    }

    /** The peers traced now, sorted. */
    public List<String> peers() {
        return peers.stream().sorted().toList();
    }

    /** {@code text} with digest credentials masked (the inline keys are masked by the log layout as well). */
    static String mask(String text) {
        return text.replaceAll("(?im)^((?:Proxy-)?Authorization:).*$", "$1 <redacted>")
                .replaceAll("(?i)(inline:)[A-Za-z0-9+/=]+", "$1<redacted>");
    }
}
