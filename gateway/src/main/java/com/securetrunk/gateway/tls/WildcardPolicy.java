package com.securetrunk.gateway.tls;

import java.util.Locale;

/** What to do when the name that matches the peer is a wildcard ({@code *.example.com}). */
public enum WildcardPolicy {
    /**
     * Refuse it: RFC 5922 section 7.2 says SIP domain certificates must not be wildcards (PJSIP logs
     * "RFC 5922 (section 7.2) does not allow TLS wildcard certificates").
     */
    STRICT,
    /**
     * Accept {@code *.example.com} for exactly one left-most label (RFC 6125 section 6.4.3, the rule Asterisk's
     * {@code allow_wildcard_certs} applies), logging once per peer.
     */
    TOLERATE;

    /** Parses {@code strict} / {@code tolerate} (any case). */
    public static WildcardPolicy parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "strict": return STRICT;
            case "tolerate": return TOLERATE;
            default:
                throw new IllegalArgumentException("unknown wildcard policy '" + text + "' (expected: strict or tolerate)");
        }
    }

    /** The config spelling. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
