package com.securetrunk.gateway.sdp;

import java.util.Objects;

/**
 * Typed view of an attribute line (RFC 8866 section 5.13):
 * <pre>
 * a=&lt;attribute-name&gt;
 * a=&lt;attribute-name&gt;:&lt;attribute-value&gt;
 * </pre>
 * {@code value} is null for a property attribute such as {@code a=sendrecv} or {@code a=rtcp-mux}.
 */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("attribute name is empty");
        }
    }

    static Attribute parse(String lineValue) {
        int colon = lineValue.indexOf(':');
        if (colon < 0) {
            return new Attribute(lineValue.strip(), null);
        }
        return new Attribute(lineValue.substring(0, colon), lineValue.substring(colon + 1));
    }

    public SdpLine toLine() {
        return new SdpLine('a', value == null ? name : name + ":" + value);
    }

    @Override
    public String toString() {
        return SdpLine.redact(toLine().toString());
    }
}
