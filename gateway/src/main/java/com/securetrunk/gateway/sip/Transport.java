package com.securetrunk.gateway.sip;

import java.util.Locale;

/** SIP transports the gateway listens on (RFC 3261 section 18; TLS per RFC 5630/5922). */
public enum Transport {
    UDP, TCP, TLS;

    /** The name JAIN-SIP's {@code createListeningPoint} takes. */
    public String jainSipName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isReliable() {
        return this != UDP;
    }

    public static Transport parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown SIP transport '" + text + "' (expected: udp, tcp or tls)");
        }
    }
}
