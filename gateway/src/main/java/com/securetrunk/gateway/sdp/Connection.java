package com.securetrunk.gateway.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Typed view of a connection line (RFC 8866 section 5.7):
 * <pre>
 * c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;
 * </pre>
 * {@code address} keeps any {@code /ttl/count} suffix of a multicast address as written.
 */
public record Connection(String netType, String addrType, String address) {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static Connection parse(String value, int lineNumber) throws SdpParseException {
        String[] f = SdpLine.fields(value);
        if (f.length != 3) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 3,
                    "c=<nettype> <addrtype> <connection-address>", value);
        }
        return new Connection(f[0], f[1], f[2]);
    }

    /** A unicast IN connection for {@code address} (IP6 when it contains a colon, IP4 otherwise). */
    public static Connection of(String address) {
        return new Connection("IN", addrTypeOf(address), address);
    }

    static String addrTypeOf(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    /**
     * The RFC 2543 hold form {@code c=IN IP4 0.0.0.0}: "do not send to me" (RFC 3264 section 8.4 keeps it
     * for backward compatibility).
     */
    public boolean isHoldAddress() {
        return "0.0.0.0".equals(address) || "::".equals(address);
    }

    /**
     * The address as an IP literal, without any {@code /ttl/count} suffix; never asks DNS (a peer's SDP must not make
     * us block on a resolver or reach a name it chose). RFC 8866 section 5.7 allows a fully qualified domain name
     * here; we refuse it, like an {@code IN IP4} line carrying an IPv6 address and anything that is not {@code IN}.
     */
    public InetAddress inetAddress() throws SdpParseException {
        String host = address;
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        boolean v4 = "IP4".equals(addrType) && IPV4.matcher(host).matches();
        boolean v6 = "IP6".equals(addrType) && IPV6.matcher(host).matches();
        if ("IN".equals(netType) && (v4 || v6)) {
            try {
                // brackets make the JDK treat a malformed IPv6 text as an error instead of a host name to look up
                return InetAddress.getByName(v6 ? "[" + host + "]" : host);
            } catch (UnknownHostException e) {
                // falls through: the IPv6 pattern is loose, the JDK is the judge
            }
        }
        throw new SdpParseException(SdpParseException.Kind.VALUE, 0, 0,
                "c=IN IP4 <IPv4 literal> or c=IN IP6 <IPv6 literal>", toLine().value());
    }

    public SdpLine toLine() {
        return new SdpLine('c', netType + " " + addrType + " " + address);
    }
}
