package com.securetrunk.gateway.sdp.crypto;

import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SdpParseException.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser for the RFC 4568 section 9.2 grammar. Methods are named after its productions; columns are 1-based in
 * the whole {@code a=crypto:...} line (the value starts at column 10).
 */
final class CryptoParser {

    /** {@code a=crypto:} is 9 characters, so the value's first character is column 10. */
    private static final int VALUE_COLUMN = 10;

    private final String text;
    private final int lineNumber;
    private int pos;

    private CryptoParser(String text, int lineNumber) {
        this.text = text;
        this.lineNumber = lineNumber;
    }

    /** {@code value} is null for a bare {@code a=crypto} line (no ':'), which fails like an empty value. */
    static CryptoAttribute parse(String value, int lineNumber) throws SdpParseException {
        return new CryptoParser(value == null ? "" : value, lineNumber).cryptoAttribute();
    }

    /** {@code tag 1*WSP crypto-suite 1*WSP key-params *(1*WSP session-param)} */
    private CryptoAttribute cryptoAttribute() throws SdpParseException {
        skipWsp();
        int tag = (int) digits(9, "tag of 1-9 digits");
        requireWsp("white space after the tag");
        String suite = suite();
        requireWsp("white space after the crypto-suite");
        List<KeyParam> keys = keyParams();
        List<SessionParam> params = new ArrayList<>();
        while (true) {
            skipWsp();
            if (pos >= text.length()) {
                break;
            }
            params.add(sessionParam());
        }
        return new CryptoAttribute(tag, suite, keys, params);
    }

    /** {@code crypto-suite = 1*(ALPHA / DIGIT / "_")} */
    private String suite() throws SdpParseException {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) && text.charAt(pos) < 128
                || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw error(Kind.SYNTAX, "crypto-suite name (letters, digits, '_')", rest());
        }
        return text.substring(start, pos);
    }

    /** {@code key-params = key-param *(";" key-param)} */
    private List<KeyParam> keyParams() throws SdpParseException {
        List<KeyParam> keys = new ArrayList<>();
        keys.add(keyParam());
        while (pos < text.length() && text.charAt(pos) == ';') {
            pos++;
            keys.add(keyParam());
        }
        return keys;
    }

    /** {@code key-param = key-method ":" key-info}; for inline: {@code key-salt ["|" lifetime] ["|" mki]} */
    private KeyParam keyParam() throws SdpParseException {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ':' && !isWsp(text.charAt(pos)) && text.charAt(pos) != ';') {
            pos++;
        }
        if (pos == start || pos >= text.length() || text.charAt(pos) != ':') {
            throw errorAt(start, Kind.SYNTAX, "key-method \":\" key-info (e.g. inline:<base64>)", text.substring(start));
        }
        String method = text.substring(start, pos);
        pos++;
        if (!KeyParam.INLINE.equalsIgnoreCase(method)) {
            int infoStart = pos;
            while (pos < text.length() && !isWsp(text.charAt(pos)) && text.charAt(pos) != ';') {
                pos++;
            }
            return new KeyParam(method, text.substring(infoStart, pos), null, null);
        }
        String keySalt = keySalt();
        Lifetime lifetime = null;
        Mki mki = null;
        while (pos < text.length() && text.charAt(pos) == '|') {
            pos++;
            int fieldStart = pos;
            while (pos < text.length() && text.charAt(pos) != '|' && text.charAt(pos) != ';' && !isWsp(text.charAt(pos))) {
                pos++;
            }
            String field = text.substring(fieldStart, pos);
            if (field.indexOf(':') >= 0) {
                if (mki != null) {
                    throw errorAt(fieldStart, Kind.SYNTAX, "at most one MKI", field);
                }
                mki = mki(field, fieldStart);
            } else {
                if (lifetime != null || mki != null) {
                    throw errorAt(fieldStart, Kind.SYNTAX, "lifetime before MKI, at most once", field);
                }
                lifetime = lifetime(field, fieldStart);
            }
        }
        return new KeyParam(method, keySalt, lifetime, mki);
    }

    /** {@code key-salt = 1*(base64)} with optional '=' padding (RFC 4648 alphabet). */
    private String keySalt() throws SdpParseException {
        int start = pos;
        while (pos < text.length() && isBase64(text.charAt(pos))) {
            pos++;
        }
        while (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
        }
        if (pos == start) {
            throw error(Kind.SYNTAX, "base64 key||salt after inline:", rest());
        }
        if (pos < text.length() && !isWsp(text.charAt(pos)) && text.charAt(pos) != '|' && text.charAt(pos) != ';') {
            throw error(Kind.SYNTAX, "base64 character in key||salt", String.valueOf(text.charAt(pos)));
        }
        return text.substring(start, pos);
    }

    /** {@code lifetime = ["2^"] 1*(DIGIT)} */
    private Lifetime lifetime(String field, int at) throws SdpParseException {
        boolean power = field.startsWith("2^");
        String number = power ? field.substring(2) : field;
        if (number.isEmpty() || number.length() > 15 || !allDigits(number)) {
            throw errorAt(at, Kind.SYNTAX, "lifetime [2^]digits", field);
        }
        long n = Long.parseLong(number);
        if (power && n > Lifetime.MAX_EXPONENT || !power && n > (1L << Lifetime.MAX_EXPONENT)) {
            throw errorAt(at, Kind.VALUE, "lifetime of at most 2^" + Lifetime.MAX_EXPONENT + " packets", field);
        }
        return new Lifetime(power, n);
    }

    /** {@code mki = mki-value ":" mki-length}; mki-length is 1*3DIGIT, 1..128 */
    private Mki mki(String field, int at) throws SdpParseException {
        int colon = field.indexOf(':');
        String value = field.substring(0, colon);
        String length = field.substring(colon + 1);
        if (value.isEmpty() || value.length() > 18 || !allDigits(value)
                || length.isEmpty() || length.length() > 3 || !allDigits(length)) {
            throw errorAt(at, Kind.SYNTAX, "MKI as <value>:<length in bytes>", field);
        }
        int len = Integer.parseInt(length);
        if (len < 1 || len > Mki.MAX_LENGTH) {
            throw errorAt(at + colon + 1, Kind.VALUE, "MKI length 1-" + Mki.MAX_LENGTH, length);
        }
        return new Mki(Long.parseLong(value), len);
    }

    /** {@code session-param = 1*(VCHAR)}; the RFC 4568 ones are checked (section 6.3). */
    private SessionParam sessionParam() throws SdpParseException {
        int start = pos;
        while (pos < text.length() && !isWsp(text.charAt(pos))) {
            char c = text.charAt(pos);
            if (c <= 0x20 || c >= 0x7f) {
                throw error(Kind.SYNTAX, "visible characters in a session parameter", String.format("\\u%04x", (int) c));
            }
            pos++;
        }
        String token = text.substring(start, pos);
        int eq = token.indexOf('=');
        SessionParam p = eq < 0 ? new SessionParam(token, null) : new SessionParam(token.substring(0, eq), token.substring(eq + 1));
        checkKnown(p, start);
        return p;
    }

    private void checkKnown(SessionParam p, int at) throws SdpParseException {
        String v = p.value();
        switch (p.name()) {
            case SessionParam.UNENCRYPTED_SRTP, SessionParam.UNENCRYPTED_SRTCP, SessionParam.UNAUTHENTICATED_SRTP -> {
                if (v != null) {
                    throw errorAt(at, Kind.SYNTAX, p.name() + " without a value", p.toText());
                }
            }
            case SessionParam.KDR -> {
                if (v == null || v.isEmpty() || v.length() > 2 || !allDigits(v) || Integer.parseInt(v) > 24) {
                    throw errorAt(at, Kind.SYNTAX, "KDR=<0-24>", p.toText());
                }
            }
            case SessionParam.WSH -> {
                if (v == null || v.isEmpty() || v.length() > 9 || !allDigits(v) || Integer.parseInt(v) < 64) {
                    throw errorAt(at, Kind.SYNTAX, "WSH=<window size, 64 or more>", p.toText());
                }
            }
            case SessionParam.FEC_ORDER -> {
                if (!"FEC_SRTP".equals(v) && !"SRTP_FEC".equals(v)) {
                    throw errorAt(at, Kind.SYNTAX, "FEC_ORDER=FEC_SRTP or FEC_ORDER=SRTP_FEC", p.toText());
                }
            }
            case SessionParam.FEC_KEY -> {
                if (v == null || v.isEmpty()) {
                    throw errorAt(at, Kind.SYNTAX, "FEC_KEY=<key-params>", p.toText());
                }
                try {
                    new CryptoParser(v, lineNumber).keyParams();
                } catch (SdpParseException e) {
                    throw errorAt(at, Kind.SYNTAX, "FEC_KEY=<key-params>", p.toText());
                }
            }
            default -> {
                if (p.name().isEmpty() || "-".equals(p.name())) {
                    throw errorAt(at, Kind.SYNTAX, "a session parameter name", p.toText());
                }
            }
        }
    }

    private long digits(int maxDigits, String expected) throws SdpParseException {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start || pos - start > maxDigits) {
            throw errorAt(start, Kind.SYNTAX, expected, pos == start ? rest() : text.substring(start, pos));
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private void requireWsp(String expected) throws SdpParseException {
        if (pos >= text.length() || !isWsp(text.charAt(pos))) {
            throw error(Kind.SYNTAX, expected, pos >= text.length() ? null : rest());
        }
        skipWsp();
    }

    private void skipWsp() {
        while (pos < text.length() && isWsp(text.charAt(pos))) {
            pos++;
        }
    }

    private String rest() {
        return pos >= text.length() ? null : text.substring(pos);
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private SdpParseException error(Kind kind, String expected, String found) {
        return errorAt(pos, kind, expected, found);
    }

    private SdpParseException errorAt(int at, Kind kind, String expected, String found) {
        return new SdpParseException(kind, lineNumber, VALUE_COLUMN + at, expected, hideKeys(found));
    }

    /** Runs of 16+ base64 characters are key material (or could be): never in an error message. */
    private static String hideKeys(String found) {
        return found == null ? null : KEYISH.matcher(found).replaceAll("<redacted>");
    }

    private static final java.util.regex.Pattern KEYISH = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
}
