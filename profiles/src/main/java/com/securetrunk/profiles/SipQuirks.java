package com.securetrunk.profiles;

/**
 * SIP-level behaviour the gateway adapts to for one kind of peer.
 *
 * @param forceRport     answer this peer at the source address and port its request came from (RFC 3581
 *                       {@code rport}), even when its {@code Via} does not ask for it ({@code signalling.quirks.force-rport})
 * @param rewriteContact replace the host and port of this peer's {@code Contact} with the address its
 *                       messages really come from (a peer behind NAT) ({@code signalling.quirks.rewrite-contact})
 * @param maxMessageSize largest SIP message, in bytes, the gateway sends to or accepts from this peer
 *                       ({@code signalling.quirks.max-message-size})
 */
public record SipQuirks(boolean forceRport, boolean rewriteContact, int maxMessageSize) {
    public SipQuirks {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        }
    }
}
