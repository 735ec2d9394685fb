package com.securetrunk.gateway.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Host-name helpers that never touch DNS. */
final class HostNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    /** True for an IPv4 dotted quad or an IPv6 literal (with or without brackets). */
    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    /** Parses an IP literal without any lookup; null if it is not one. */
    static InetAddress parseIpLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!isIpLiteral(h)) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: no DNS query is made
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The host name an {@link InetAddress} was created from, without a reverse lookup: {@code toString()} is
     * {@code "name/address"} and leaves the name empty when there is none.
     */
    static String literalHostName(InetAddress address) {
        String s = address.toString();
        int slash = s.indexOf('/');
        return slash > 0 ? s.substring(0, slash) : null;
    }
}
