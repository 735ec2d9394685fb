package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses the TLS policy for an outbound connection from the address JAIN-SIP connects to. The B2BUA registers each
 * configured peer (its resolved address and port, with the profile's expected host name and versions); anything else
 * gets the side's fallback.
 */
public interface OutboundTlsPolicies {
    /** The policy for a connection to {@code address:port}. */
    TlsPeerPolicy forPeer(InetAddress address, int port);

    /** The policy for peers nobody registered (also what JAIN-SIP's NIO hook would get, as it names no peer). */
    TlsPeerPolicy fallback();

    /** Every peer gets {@code policy}. */
    static OutboundTlsPolicies fixed(TlsPeerPolicy policy) {
        return byAddress(Map.of(), policy);
    }

    /** Peers in {@code byAddress} get their own policy, the rest {@code fallback}. */
    static OutboundTlsPolicies byAddress(Map<InetSocketAddress, TlsPeerPolicy> byAddress, TlsPeerPolicy fallback) {
        Objects.requireNonNull(fallback, "fallback");
        Map<InetSocketAddress, TlsPeerPolicy> copy = Map.copyOf(byAddress);
        return new OutboundTlsPolicies() {
            @Override
            public TlsPeerPolicy forPeer(InetAddress address, int port) {
                return copy.getOrDefault(new InetSocketAddress(address, port), fallback);
            }

            @Override
            public TlsPeerPolicy fallback() {
                return fallback;
            }
        };
    }
}
