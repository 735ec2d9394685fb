package com.securetrunk.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses literal IPv4/IPv6 addresses without ever asking DNS (a config file must not block on a resolver). */
final class IpLiteral {

    private static final String IPV4 = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";

    private IpLiteral() {
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a literal IPv4 or IPv6 address
     */
    static InetAddress parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = t.matches(IPV4);
        boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(t); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }
}
