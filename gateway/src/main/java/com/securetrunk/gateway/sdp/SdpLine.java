package com.securetrunk.gateway.sdp;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SDP line, {@code <type>=<value>} (RFC 8866 section 5), kept exactly as received: the value is every
 * character after the {@code =} up to (not including) the line ending, trailing white space included, so an
 * untouched line is written back byte for byte.
 *
 * <p>{@link #toString()} redacts SDES {@code inline:} keys, so a description can reach a log safely.
 */
public record SdpLine(char type, String value) {

    private static final Pattern INLINE_KEY = Pattern.compile("(inline:)[^|;\\s]*");


    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("SDP line type must be a lowercase letter, got '" + type + "'");
        }
        Objects.requireNonNull(value, "value");
    }

    /** {@code a=<name>} or {@code a=<name>:<value>} (RFC 8866 section 5.13); {@code value} may be null. */
    public static SdpLine attribute(String name, String value) {
        return new Attribute(name, value).toLine();
    }

    public boolean isAttribute() {
        return type == 'a';
    }

    /**
     * The fields of a value separated by 1*WSP (spaces or tabs), leading and trailing white space ignored; the
     * o=, c= and m= lines are read with it. Hand-written because it runs for every line of every call.
     */
    public static String[] fields(String value) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(8);
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** The attribute name of an {@code a=} line (before ':' or the whole value), or null for other types. */
    public String attributeName() {
        if (type != 'a') {
            return null;
        }
        int colon = value.indexOf(':');
        return (colon < 0 ? value : value.substring(0, colon)).strip();
    }

    /** The typed view of an {@code a=} line; throws for other types. */
    public Attribute asAttribute() {
        if (type != 'a') {
            throw new IllegalStateException("not an attribute line: " + type + "=");
        }
        return Attribute.parse(value);
    }

    /** True for {@code a=<name>} / {@code a=<name>:...} with this name (attribute names are case-sensitive). */
    public boolean isAttribute(String name) {
        if (type != 'a' || !value.startsWith(name)) {
            return false;
        }
        return value.length() == name.length() || value.charAt(name.length()) == ':'
                || Character.isWhitespace(value.charAt(name.length()));
    }

    /** Number of characters {@link #writeTo} appends: type, '=', value, CRLF. */
    public int length() {
        return value.length() + 4;
    }

    public void writeTo(StringBuilder out) {
        out.append(type).append('=').append(value).append("\r\n");
    }

    /** Replaces SDES inline keys in {@code text} with {@code <redacted>}: for logs and error messages. */
    public static String redact(String text) {
        return INLINE_KEY.matcher(text).replaceAll("$1<redacted>");
    }

    /** Redacts inline keys anywhere, and the whole key-params field of a crypto line whatever its key method. */
    @Override
    public String toString() {
        if (isAttribute("crypto")) {
            String[] f = value.strip().split("[ \t]+", 4);
            if (f.length >= 3) {
                String rest = f.length == 4 ? " " + redact(f[3]) : "";
                return "a=" + f[0] + " " + f[1] + " <key-params redacted>" + rest;
            }
        }
        return type + "=" + redact(value);
    }
}
