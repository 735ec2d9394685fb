package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses the TLS policy for an inbound connection from its source address, before the handshake. A legacy listener
 * may let the configured PBX use TLS 1.0 (its profile allows it) while every other source gets TLS 1.2+.
 */
public interface InboundTlsPolicies {
    /** The policy for a connection from {@code source}. */
    TlsPeerPolicy forSource(InetAddress source);

    /** Everybody gets {@code policy}. */
    static InboundTlsPolicies fixed(TlsPeerPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return source -> policy;
    }

    /** Sources in {@code bySource} get their own policy, the rest {@code fallback}. */
    static InboundTlsPolicies bySource(Map<InetAddress, TlsPeerPolicy> bySource, TlsPeerPolicy fallback) {
        Objects.requireNonNull(fallback, "fallback");
        Map<InetAddress, TlsPeerPolicy> copy = Map.copyOf(bySource);
        return source -> copy.getOrDefault(source, fallback);
    }
}
