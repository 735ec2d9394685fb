package com.securetrunk.gateway.sdp;

/**
 * Typed view of the origin line (RFC 8866 section 5.2):
 * <pre>
 * o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;
 * </pre>
 * sess-id and sess-version are kept as text: peers send values beyond 64 bits.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {

    public static Origin parse(String value, int lineNumber) throws SdpParseException {
        String[] f = SdpLine.fields(value);
        if (f.length != 6) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 3,
                    "o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (6 fields)", value);
        }
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    public Origin withAddress(String newAddress) {
        return new Origin(username, sessionId, sessionVersion, netType, Connection.addrTypeOf(newAddress), newAddress);
    }

    public SdpLine toLine() {
        return new SdpLine('o', String.join(" ", username, sessionId, sessionVersion, netType, addrType, address));
    }
}
