package com.securetrunk.gateway.sdp;

import java.util.Optional;

/**
 * Typed view of the RTCP attribute (RFC 3605 section 2.1): where a peer receives RTCP when that is not the RTP port
 * plus one.
 * <pre>
 * a=rtcp:&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;]
 * </pre>
 *
 * @param connection the explicit address, when the attribute carries one; else the stream's {@code c=} applies
 */
public record RtcpAttribute(int port, Optional<Connection> connection) {

    public static final String NAME = "rtcp";

    public RtcpAttribute {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " (expected: 0-65535)");
        }
    }

    /** Parses the value after {@code a=rtcp:}; {@code lineNumber} locates errors (0 when unknown). */
    public static RtcpAttribute parse(String value, int lineNumber) throws SdpParseException {
        String[] f = SdpLine.fields(value == null ? "" : value);
        String expected = "a=rtcp:<port 0-65535> [<nettype> <addrtype> <connection-address>]";
        if (f.length != 1 && f.length != 4) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 0, expected, "a=rtcp:" + value);
        }
        if (f[0].isEmpty() || f[0].length() > 5 || !f[0].chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(f[0]) > 65535) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 0, expected, "a=rtcp:" + value);
        }
        Optional<Connection> c = f.length == 4 ? Optional.of(new Connection(f[1], f[2], f[3])) : Optional.empty();
        return new RtcpAttribute(Integer.parseInt(f[0]), c);
    }

    public SdpLine toLine() {
        return new Attribute(NAME, connection.map(c -> port + " " + c.netType() + " " + c.addrType() + " " + c.address())
                .orElse(Integer.toString(port))).toLine();
    }
}
