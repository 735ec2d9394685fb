package com.securetrunk.gateway.sdp.crypto;

import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed view of an SDES crypto attribute (RFC 4568 section 9.2):
 * <pre>
 * a=crypto:&lt;tag&gt; &lt;crypto-suite&gt; &lt;key-params&gt; [&lt;session-params&gt;]
 * tag = 1*9DIGIT
 * key-params = key-param *(";" key-param)
 * </pre>
 * The suite stays a name: peers send names we do not implement ({@code AES_CM_256_HMAC_SHA1_80} from pjsua 2.5,
 * {@code AEAD_AES_256_GCM}) and the negotiation skips such a line instead of failing the offer.
 * {@link #toString()} redacts keys.
 */
public record CryptoAttribute(int tag, String suiteName, List<KeyParam> keyParams, List<SessionParam> sessionParams) {

    public static final String NAME = "crypto";
    public static final int MAX_TAG = 999_999_999;

    public CryptoAttribute {
        if (tag < 0 || tag > MAX_TAG) {
            throw new IllegalArgumentException("crypto tag " + tag + " (expected: 0-" + MAX_TAG + ")");
        }
        Objects.requireNonNull(suiteName, "suiteName");
        keyParams = List.copyOf(keyParams);
        sessionParams = List.copyOf(sessionParams);
        if (keyParams.isEmpty()) {
            throw new IllegalArgumentException("a crypto attribute needs at least one key parameter");
        }
    }

    /** One suite, one inline key, no lifetime, no MKI, no session parameters. */
    public static CryptoAttribute of(int tag, SrtpSuite suite, KeyParam key) {
        return new CryptoAttribute(tag, suite.sdpName(), List.of(key), List.of());
    }

    /** Parses the value after {@code a=crypto:}; errors name {@code lineNumber} and the column in the line. */
    public static CryptoAttribute parse(String value, int lineNumber) throws SdpParseException {
        return CryptoParser.parse(value, lineNumber);
    }

    /**
     * The suite when we implement it; empty for names we do not know. Matched without regard to case: RFC 4568
     * defines the names as ABNF literals, which are case-insensitive (RFC 5234 section 2.3), and pjsua accepts
     * {@code aes_cm_128_hmac_sha1_80}.
     */
    public Optional<SrtpSuite> suite() {
        return SrtpSuite.fromSdpName(suiteName.toUpperCase(Locale.ROOT));
    }

    public String toValue() {
        StringBuilder b = new StringBuilder().append(tag).append(' ').append(suiteName).append(' ');
        for (int i = 0; i < keyParams.size(); i++) {
            if (i > 0) {
                b.append(';');
            }
            keyParams.get(i).writeTo(b);
        }
        for (SessionParam p : sessionParams) {
            b.append(' ').append(p.toText());
        }
        return b.toString();
    }

    public SdpLine toLine() {
        return new SdpLine('a', NAME + ":" + toValue());
    }

    /** Tag, suite and session parameters; every key parameter redacted whatever its method. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("crypto:").append(tag).append(' ').append(suiteName).append(' ');
        for (int i = 0; i < keyParams.size(); i++) {
            b.append(i > 0 ? ";" : "").append(keyParams.get(i));
        }
        for (SessionParam p : sessionParams) {
            b.append(' ').append(p);
        }
        return b.toString();
    }
}
