package com.securetrunk.gateway.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * One SIP listening point: an IP literal (IPv4 or IPv6; 0.0.0.0 / :: for all), a port and a transport.
 * JAIN-SIP RI 1.3.0-91 cannot listen on port 0 over TCP/TLS (it never reads back the bound port), so the port must
 * be explicit.
 */
public record ListenPoint(String address, int port, Transport transport) {
    public ListenPoint {
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid listen port: " + port + " (expected: 1 ~ 65535)");
        }
        address = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!(address.indexOf(':') >= 0 || address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw new IllegalArgumentException("listen address '" + address + "' is not an IP literal (expected e.g. 0.0.0.0, 192.0.2.10, ::)");
        }
    }

    public InetAddress inetAddress() {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isIpv6() {
        return address.indexOf(':') >= 0;
    }

    @Override
    public String toString() {
        return transport.jainSipName() + ":" + (isIpv6() ? "[" + address + "]" : address) + ":" + port;
    }
}
