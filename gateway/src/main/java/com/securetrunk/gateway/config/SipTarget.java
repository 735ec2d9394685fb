package com.securetrunk.gateway.config;

import com.securetrunk.profiles.Transport;

import java.util.Objects;

/**
 * Where to send SIP requests: a host name or literal IP, a port and a transport.
 *
 * @param host      DNS name or literal IP address (IPv6 without brackets)
 * @param port      1..65535, or 0 when not given: RFC 3263 then decides (NAPTR, SRV, else 5061 for TLS / 5060)
 * @param transport udp, tcp or tls
 */
public record SipTarget(String host, int port, Transport transport) {
    public SipTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port;transport=tls} ({@code host;transport=tls} when the port is left to DNS), IPv6 hosts in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 0 ? "" : ":" + port) + ";transport="
                + transport.configName();
    }
}
