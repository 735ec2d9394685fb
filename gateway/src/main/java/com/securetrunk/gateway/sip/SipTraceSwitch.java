package com.securetrunk.gateway.sip;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIP message tracing, switched on and off at run time per peer address (the admin endpoint's {@code /trace}),
 * in both directions: messages received from and messages sent to a traced peer (requests and responses, on both stacks).
 * A traced message is one INFO line on logger {@code securetrunk.sip.trace}; the log layout masks SDES inline keys
 * and password values, and Authorization headers are masked before logging. The check on the hot signalling path
 * is one lookup in an empty-by-default set.
 */
public final class SipTraceSwitch {
    /** Traces every peer. */
    public static final String ALL = "*";
    static final int MAX_PEERS = 256;

    static final org.slf4j.Logger TRACE = org.slf4j.LoggerFactory.getLogger("securetrunk.sip.trace");

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

    /** Whether any peer is traced at all (the cheap check before working out what to log). */
    boolean active() {
        return !peers.isEmpty();
    }

    /** The peers traced now, sorted. */
    public List<String> peers() {
        return peers.stream().sorted().toList();
    }

    /** Logs a message received from a traced peer. */
    void received(Side side, String address, int port, Object message) {
        if (tracing(address)) {
            log("received from", side, address, port, message);
        }
    }

    /**
     * Logs a message sent on {@code tx} (request or response) if its peer is traced; the peer is the transaction's
     * next hop as JAIN-SIP resolved it. Call after sending.
     */
    void sent(Side side, javax.sip.Transaction tx, Object message) {
        if (!peers.isEmpty() && tx instanceof gov.nist.javax.sip.TransactionExt t && t.getPeerAddress() != null) {
            sentTo(side, t.getPeerAddress(), t.getPeerPort(), message);
        }
    }

    /** Logs a message sent to {@code address} if that peer is traced. */
    void sentTo(Side side, String address, int port, Object message) {
        if (tracing(address)) {
            log("sent to", side, address, port, message);
        }
    }

    /** Logs an ACK sent through {@code dialog}: its peer is that of the dialog's INVITE transaction. */
    void sentAck(Side side, javax.sip.Dialog dialog, Object ack) {
        if (!peers.isEmpty() && dialog instanceof gov.nist.javax.sip.stack.SIPDialog d) {
            sent(side, d.getFirstTransactionInt(), ack);
        }
    }

    private static void log(String verb, Side side, String address, int port, Object message) {
        TRACE.info("{} side {} {}:{}\n{}", side == null ? "?" : side.name().toLowerCase(java.util.Locale.ROOT), verb,
                address, port, mask(String.valueOf(message)));
    }

    /** {@code text} with digest credentials masked (the inline keys are masked by the log layout as well). */
    static String mask(String text) {
        return text.replaceAll("(?im)^((?:Proxy-)?Authorization:).*$", "$1 <redacted>")
                .replaceAll("(?i)(inline:)[A-Za-z0-9+/=]+", "$1<redacted>");
    }
}
