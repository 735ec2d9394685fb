package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outbound TLS policy per peer address, filled by the B2BUA just before it connects: the policy of the peer's
 * profile with the host name the target was known by (so SNI and the RFC 5922 name check use the name, not the
 * address). Anything unregistered gets the fallback.
 */
final class DynamicTlsPolicies implements OutboundTlsPolicies {
    private final ConcurrentHashMap<InetSocketAddress, TlsPeerPolicy> byAddress = new ConcurrentHashMap<>();
    private volatile TlsPeerPolicy fallback;

    DynamicTlsPolicies(TlsPeerPolicy fallback) {
        this.fallback = fallback;
    }

    void register(InetSocketAddress address, TlsPeerPolicy policy) {
        byAddress.put(address, policy);
    }

    @Override
    public TlsPeerPolicy forPeer(InetAddress address, int port) {
        return byAddress.getOrDefault(new InetSocketAddress(address, port), fallback);
    }

    @Override
    public TlsPeerPolicy fallback() {
        return fallback;
    }
}
