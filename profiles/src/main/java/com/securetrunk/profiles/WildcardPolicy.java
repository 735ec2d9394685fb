package com.securetrunk.profiles;

import java.util.Locale;

/** How the TLS edge treats a wildcard name in a peer's certificate. */
public enum WildcardPolicy {
    /**
     * RFC 5922 section 7.2: a wildcard certificate never matches a SIP domain; the connection is refused
     * (the rule pjsip logs as "RFC 5922 (section 7.2) does not allow TLS wildcard certificates").
     */
    STRICT,
    /**
     * RFC 6125 section 6.4.3: {@code *.example.com} matches exactly one left-most label
     * ({@code a.example.com}, not {@code a.b.example.com} nor {@code example.com}); logged once per peer.
     */
    TOLERATE;

    /** The spelling used in profile files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
