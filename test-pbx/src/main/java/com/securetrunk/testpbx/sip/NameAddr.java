package com.securetrunk.testpbx.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of From/To/Contact/Route values (RFC 3261 section 20.10 name-addr / addr-spec) that a UA needs:
 * the URI and header parameters such as {@code tag}. Also small helpers shared by header parsing.
 */
public final class NameAddr {
    private NameAddr() {
    }

    /** The URI of a name-addr ({@code "Bob" <sip:bob@host>;tag=1}) or addr-spec ({@code sip:bob@host;tag=1}). */
    public static String uri(String value) {
        int lt = value.indexOf('<');
        if (lt >= 0) {
            int gt = value.indexOf('>', lt);
            return gt > lt ? value.substring(lt + 1, gt).trim() : value.substring(lt + 1).trim();
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim();
    }

    /** A header parameter (after the closing '>' for name-addr), or null. */
    public static String param(String value, String name) {
        int start = value.lastIndexOf('>');
        String params = start >= 0 ? value.substring(start + 1) : value;
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim();
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : p.substring(eq + 1).trim();
            }
        }
        return null;
    }

    public static String tag(String value) {
        return param(value, "tag");
    }

    /** Splits on commas that are outside quotes and angle brackets. */
    public static List<String> splitTopLevel(String value) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                depth++;
            } else if (!quoted && c == '>') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(value.substring(start).trim());
        return out;
    }

    /** Parameters of a digest challenge/credentials ({@code Digest realm="x", nonce="y"}), lower-case keys. */
    public static java.util.Map<String, String> authParams(String value) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        String v = value.trim();
        int sp = v.indexOf(' ');
        if (sp > 0) {
            out.put("scheme", v.substring(0, sp));
            v = v.substring(sp + 1);
        }
        for (String part : splitTopLevel(v)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String val = part.substring(eq + 1).trim();
            if (val.length() >= 2 && val.startsWith("\"") && val.endsWith("\"")) {
                val = val.substring(1, val.length() - 1);
            }
            out.put(key, val);
        }
        return out;
    }
}
