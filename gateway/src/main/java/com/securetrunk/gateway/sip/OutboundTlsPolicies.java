package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Chooses the TLS policy for an outbound connection from the address JAIN-SIP connects to. The B2BUA registers each
 * configured peer (its resolved address and port, with the profile's expected host name and versions); anything else
 * gets the side's default.
 */
@FunctionalInterface
public interface OutboundTlsPolicies {
    TlsPeerPolicy forPeer(InetAddress address, int port);

    /** Every peer gets {@code policy}. */
    static OutboundTlsPolicies fixed(TlsPeerPolicy policy) {
        return (address, port) -> policy;
    }

    /** Peers in {@code byAddress} get their own policy, the rest {@code fallback}. */
    static OutboundTlsPolicies byAddress(Map<InetSocketAddress, TlsPeerPolicy> byAddress, TlsPeerPolicy fallback) {
        Map<InetSocketAddress, TlsPeerPolicy> copy = Map.copyOf(byAddress);
        return (address, port) -> copy.getOrDefault(new InetSocketAddress(address, port), fallback);
    }
}
