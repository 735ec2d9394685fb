package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Rejection;

/** The whole offer or answer cannot be used; {@link #rejection()} is what the SIP layer sends back. */
public final class NegotiationRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public NegotiationRefused(Rejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
