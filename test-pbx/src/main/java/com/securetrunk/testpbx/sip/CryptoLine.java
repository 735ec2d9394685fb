package com.securetrunk.testpbx.sip;

import java.util.Base64;

/**
 * An SDES {@code a=crypto} attribute value (RFC 4568 section 9.1):
 * {@code tag SP crypto-suite SP key-params *(SP session-param)}, with
 * {@code key-params = key-param *(";" key-param)} and
 * {@code key-param = "inline:" key||salt ["|" lifetime] ["|" MKI ":" length]}.
 *
 * @param tag           the decimal tag (echoed by the answerer)
 * @param suite         suite name as written, e.g. AES_CM_128_HMAC_SHA1_80
 * @param keyParams     everything after the suite up to the first space (all key-params)
 * @param sessionParams the rest (e.g. UNENCRYPTED_SRTCP), or empty
 */
public record CryptoLine(int tag, String suite, String keyParams, String sessionParams) {

    public static CryptoLine parse(String value) throws SipParseException {
        String[] parts = value.trim().split("\\s+", 4);
        if (parts.length < 3) {
            throw new SipParseException("a=crypto: expected '<tag> <suite> inline:<key>', found '" + value + "'");
        }
        int tag;
        try {
            tag = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new SipParseException("a=crypto: expected a numeric tag, found '" + parts[0] + "'");
        }
        return new CryptoLine(tag, parts[1], parts[2], parts.length > 3 ? parts[3] : "");
    }

    /** Number of key-params (more than one is only legal with MKIs). */
    public int keyCount() {
        return keyParams.split(";").length;
    }

    /** True when any key-param carries an MKI ({@code |mki:length}). */
    public boolean hasMki() {
        for (String kp : keyParams.split(";")) {
            String[] fields = kp.split("\\|");
            for (int i = 1; i < fields.length; i++) {
                if (fields[i].contains(":")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The decoded key||salt of the first key-param, or null when it is not {@code inline:} base64. */
    public byte[] firstKey() {
        String kp = keyParams.split(";")[0];
        if (!kp.regionMatches(true, 0, "inline:", 0, 7)) {
            return null;
        }
        String b64 = kp.substring(7).split("\\|")[0];
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A line this UA writes: one inline key, no lifetime, no MKI. */
    public static String format(int tag, String suite, byte[] keySalt) {
        return tag + " " + suite + " inline:" + Base64.getEncoder().encodeToString(keySalt);
    }
}
