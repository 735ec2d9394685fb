package com.securetrunk.testpbx.sip;

import java.util.Locale;

/** SIP transports (RFC 3261 section 18); TLS is SIP over TLS on a stream, as on port 5061. */
public enum Transport {
    UDP,
    TCP,
    TLS;

    /** Via transport token and URI {@code transport=} value. */
    public String token() {
        return name();
    }

    public boolean isStream() {
        return this != UDP;
    }

    public int defaultPort() {
        return this == TLS ? 5061 : 5060;
    }

    public static Transport parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown SIP transport '" + s + "' (expected udp, tcp or tls)");
        }
    }
}
