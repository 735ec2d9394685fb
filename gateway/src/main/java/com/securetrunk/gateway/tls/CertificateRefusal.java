package com.securetrunk.gateway.tls;

import java.security.cert.CertificateException;

/**
 * Why we refused a peer's certificate. Thrown from our trust manager, so the TLS handshake fails with this message
 * as its cause; {@link #reason()} lets callers branch (failover, metrics) without parsing text.
 */
public final class CertificateRefusal extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** The refusal kinds callers branch on. */
    public enum Reason {
        EXPIRED, NOT_YET_VALID, UNKNOWN_CA, INVALID_CHAIN, NAME_MISMATCH, WILDCARD_REFUSED, PROTOCOL_NOT_ALLOWED, NO_CERTIFICATE
    }

    private final Reason reason;
    private final String peer;

    public CertificateRefusal(Reason reason, String peer, String message) {
        super("TLS peer " + peer + " refused: " + message);
        this.reason = reason;
        this.peer = peer;
    }

    public Reason reason() {
        return reason;
    }

    /** The peer as we named it (expected host and/or address). */
    public String peer() {
        return peer;
    }
}
