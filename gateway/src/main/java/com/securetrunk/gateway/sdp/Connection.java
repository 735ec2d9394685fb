package com.securetrunk.gateway.sdp;

/**
 * Typed view of a connection line (RFC 8866 section 5.7):
 * <pre>
 * c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;
 * </pre>
 * {@code address} keeps any {@code /ttl/count} suffix of a multicast address as written.
 */
public record Connection(String netType, String addrType, String address) {

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

    public SdpLine toLine() {
        return new SdpLine('c', netType + " " + addrType + " " + address);
    }
}
