package com.securetrunk.gateway.sip;

/** The two sides of the gateway: the legacy PBX (plain SIP/RTP) and the secure domain (SIP over TLS, SRTP). */
public enum Side {
    LEGACY, SECURE;

    public Side other() {
        return this == LEGACY ? SECURE : LEGACY;
    }
}
