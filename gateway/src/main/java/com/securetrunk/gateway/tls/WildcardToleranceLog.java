package com.securetrunk.gateway.tls;

import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a tolerated wildcard certificate once per peer and certificate, not once per connection or call: a trunk
 * that reconnects every few minutes must not flood the log. A new certificate for the same peer is logged again.
 * Bounded: after {@value #MAX_REMEMBERED} distinct peers the memory is cleared (and lines may repeat).
 */
public final class WildcardToleranceLog {
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WildcardToleranceLog.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Returns true when this call wrote the line (first time for this peer and certificate). */
    public boolean noteTolerated(String peerHost, String wildcard, X509Certificate leaf) {
        String key = peerHost + '|' + DevelopmentCertificate.fingerprint(leaf);
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        if (!seen.add(key)) {
            return false;
        }
        LOG.warn("TLS peer {} presented wildcard certificate {} ({}): accepted under wildcard policy 'tolerate' "
                        + "(RFC 6125 section 6.4.3, one left-most label), although RFC 5922 section 7.2 forbids wildcards "
                        + "for SIP. Logged once per peer.",
                peerHost, wildcard, leaf.getSubjectX500Principal().getName());
        return true;
    }
}
