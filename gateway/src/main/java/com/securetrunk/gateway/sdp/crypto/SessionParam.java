package com.securetrunk.gateway.sdp.crypto;

import com.securetrunk.gateway.sdp.SdpLine;

import java.util.Objects;

/**
 * An SRTP session parameter (RFC 4568 section 6.3): {@code UNENCRYPTED_SRTP}, {@code UNENCRYPTED_SRTCP},
 * {@code UNAUTHENTICATED_SRTP}, {@code KDR=<0-24>}, {@code WSH=<n>=64 or more>}, {@code FEC_ORDER=FEC_SRTP|SRTP_FEC},
 * {@code FEC_KEY=<key-params>}, or an extension. Section 6.3.7: an unknown parameter is mandatory unless it
 * starts with "-"; a line carrying an unknown mandatory one is invalid.
 *
 * @param value the text after '=', or null for a flag
 */
public record SessionParam(String name, String value) {

    public static final String UNENCRYPTED_SRTP = "UNENCRYPTED_SRTP";
    public static final String UNENCRYPTED_SRTCP = "UNENCRYPTED_SRTCP";
    public static final String UNAUTHENTICATED_SRTP = "UNAUTHENTICATED_SRTP";
    public static final String KDR = "KDR";
    public static final String WSH = "WSH";
    public static final String FEC_ORDER = "FEC_ORDER";
    public static final String FEC_KEY = "FEC_KEY";

    public SessionParam {
        Objects.requireNonNull(name, "name");
    }

    /** One of the seven parameters RFC 4568 defines. */
    public boolean isKnown() {
        return switch (name) {
            case UNENCRYPTED_SRTP, UNENCRYPTED_SRTCP, UNAUTHENTICATED_SRTP, KDR, WSH, FEC_ORDER, FEC_KEY -> true;
            default -> false;
        };
    }

    /** An extension prefixed with "-" that a receiver may ignore (section 6.3.7). */
    public boolean isOptionalExtension() {
        return name.startsWith("-");
    }

    public String toText() {
        return value == null ? name : name + "=" + value;
    }

    @Override
    public String toString() {
        return SdpLine.redact(toText());
    }
}
