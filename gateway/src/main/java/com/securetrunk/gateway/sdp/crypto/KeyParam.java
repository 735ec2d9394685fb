package com.securetrunk.gateway.sdp.crypto;

import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.Base64;
import java.util.Objects;

/**
 * One key parameter (RFC 4568 sections 4.2 and 6.1):
 * <pre>
 * key-param = key-method ":" key-info
 * inline    = "inline:" key-salt ["|" lifetime] ["|" mki]
 * </pre>
 * For a method other than {@code inline} the whole key-info is kept in {@code keySalt} (and never used).
 * {@link #toString()} redacts the key.
 *
 * @param lifetime null when absent
 * @param mki      null when absent
 */
public record KeyParam(String method, String keySalt, Lifetime lifetime, Mki mki) {

    public static final String INLINE = "inline";

    public KeyParam {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(keySalt, "keySalt");
    }

    /** {@code inline:<base64 key||salt>} with no lifetime and no MKI, the form every peer accepts. */
    public static KeyParam inline(MasterKey key) {
        return new KeyParam(INLINE, key.toInline(), null, null);
    }

    public boolean isInline() {
        return INLINE.equalsIgnoreCase(method);
    }

    public KeyParam withoutLifetime() {
        return new KeyParam(method, keySalt, null, mki);
    }

    public KeyParam withLifetime(Lifetime l) {
        return new KeyParam(method, keySalt, l, mki);
    }

    /**
     * Decodes the key||salt for {@code suite}: base64 (RFC 4648, padding optional) of exactly
     * {@link SrtpSuite#keyMaterialLength()} bytes (RFC 4568 section 6.2).
     */
    public MasterKey masterKey(SrtpSuite suite) throws SdpParseException {
        return masterKey(suite, true);
    }

    /**
     * As {@link #masterKey(SrtpSuite)}; with {@code exact} false, material longer than the suite needs is cut to
     * its length (what pjsua's lenient decoder does), shorter material is still refused.
     */
    public MasterKey masterKey(SrtpSuite suite, boolean exact) throws SdpParseException {
        if (!isInline()) {
            throw new SdpParseException(SdpParseException.Kind.VALUE, 0, 0, "key method inline", method);
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(keySalt);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException(SdpParseException.Kind.VALUE, 0, 0, "base64 key||salt", "inline:<redacted>"
                    + " (" + e.getMessage() + ")");
        }
        if (!exact && material.length > suite.keyMaterialLength()) {
            material = java.util.Arrays.copyOf(material, suite.keyMaterialLength());
        }
        if (material.length != suite.keyMaterialLength()) {
            throw new SdpParseException(SdpParseException.Kind.VALUE, 0, 0,
                    suite.keyMaterialLength() + " bytes of key||salt for " + suite.sdpName(),
                    material.length + " bytes");
        }
        return MasterKey.fromKeyMaterial(suite, material);
    }

    public void writeTo(StringBuilder out) {
        out.append(method).append(':').append(keySalt);
        if (lifetime != null) {
            out.append('|').append(lifetime.toText());
        }
        if (mki != null) {
            out.append('|').append(mki.toText());
        }
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        writeTo(b);
        return b.toString();
    }

    @Override
    public String toString() {
        return method + ":<redacted>" + (lifetime == null ? "" : "|" + lifetime) + (mki == null ? "" : "|" + mki);
    }
}
