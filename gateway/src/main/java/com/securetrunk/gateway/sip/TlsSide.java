package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.util.Objects;

/**
 * The TLS configuration of one stack (one side of the gateway): contexts, the policy of its TLS listener, and the
 * policy per outbound peer.
 *
 * @param contexts        our identity and CA bundle, one SSLContext per policy
 * @param serverPolicy    versions, suites and client-auth of the TLS listening points
 * @param outbound        the policy per outbound connection
 * @param connectTimeoutMs TCP connect timeout for outbound TLS
 */
public record TlsSide(TlsContextFactory contexts, TlsPeerPolicy serverPolicy, OutboundTlsPolicies outbound, int connectTimeoutMs) {
    public TlsSide {
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(serverPolicy, "serverPolicy");
        Objects.requireNonNull(outbound, "outbound");
        if (connectTimeoutMs <= 0) {
            throw new IllegalArgumentException("connectTimeoutMs: " + connectTimeoutMs + " (expected: > 0)");
        }
    }
}
