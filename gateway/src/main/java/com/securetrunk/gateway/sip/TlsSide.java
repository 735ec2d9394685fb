package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.util.Objects;

/**
 * The TLS configuration of one stack (one side of the gateway): contexts, the policy of its TLS listener, and the
 * policies per inbound source and per outbound peer.
 *
 * @param contexts         our identity and CA bundle, one SSLContext per policy
 * @param serverPolicy     the listener's policy: its provider, client-auth mode and trust decisions, and the widest
 *                         versions any source may use (JAIN-SIP applies these stack-wide)
 * @param inbound          the policy per source address, applied to each accepted connection before its handshake;
 *                         must not be wider than {@code serverPolicy}
 * @param outbound         the policy per outbound connection
 * @param connectTimeoutMs TCP connect timeout for outbound TLS
 */
public record TlsSide(TlsContextFactory contexts, TlsPeerPolicy serverPolicy, InboundTlsPolicies inbound,
                      OutboundTlsPolicies outbound, int connectTimeoutMs) {
    public TlsSide {
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(serverPolicy, "serverPolicy");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(outbound, "outbound");
        if (connectTimeoutMs <= 0) {
            throw new IllegalArgumentException("connectTimeoutMs: " + connectTimeoutMs + " (expected: > 0)");
        }
    }

    /** Every inbound source gets {@code serverPolicy}. */
    public TlsSide(TlsContextFactory contexts, TlsPeerPolicy serverPolicy, OutboundTlsPolicies outbound, int connectTimeoutMs) {
        this(contexts, serverPolicy, InboundTlsPolicies.fixed(serverPolicy), outbound, connectTimeoutMs);
    }
}
