package com.securetrunk.gateway.sip;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One place a request may be sent: an address and transport, and the host name the target was known by (for the
 * Request-URI, the TLS name check and SNI; RFC 5922 section 4).
 */
public record ResolvedTarget(InetSocketAddress address, Transport transport, String hostName) {
    public ResolvedTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(hostName, "hostName");
    }

    @Override
    public String toString() {
        return transport.jainSipName() + ":" + hostName + "(" + address.getAddress().getHostAddress() + ":" + address.getPort() + ")";
    }
}
