package com.securetrunk.gateway.sip.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SIP message scanned leniently from raw bytes: its start line, its header fields (folded lines joined, RFC 3261
 * section 7.3.1) and where its body starts. Enough to answer a request that the full parser refuses, and to frame a
 * message on a stream; no value is interpreted beyond that.
 *
 * <pre>
 *   generic-message = start-line *message-header CRLF [ message-body ]     (RFC 3261 section 7)
 *   message-header  = field-name ":" field-value CRLF                       (lines may end in a bare LF too)
 * </pre>
 */
final class RawSipMessage {
    /** One header field as written: its name (trimmed) and value (trimmed, folded lines joined by a space). */
    record Field(String name, String value) {
    }

    private final String startLine;
    private final List<Field> fields;
    private final String malformedLine;
    private final int bodyOffset;

    private RawSipMessage(String startLine, List<Field> fields, String malformedLine, int bodyOffset) {
        this.startLine = startLine;
        this.fields = fields;
        this.malformedLine = malformedLine;
        this.bodyOffset = bodyOffset;
    }

    /**
     * Scans {@code b[0, len)}. Leading CR/LF (keep-alives, RFC 5626 section 4.4.1) are skipped; a line is blank when it
     * holds nothing above a space, as JAIN-SIP RI's stream reader sees it, so both agree where the headers end.
     */
    static RawSipMessage scan(byte[] b, int len) {
        int i = 0;
        while (i < len && (b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        String start = null;
        List<Field> fields = new ArrayList<>();
        String malformed = null;
        StringBuilder name = null;
        StringBuilder value = null;
        int body = -1;
        while (i < len) {
            int end = i;
            while (end < len && b[end] != '\n') {
                end++;
            }
            int lineEnd = end > i && b[end - 1] == '\r' ? end - 1 : end;
            String line = new String(b, i, lineEnd - i, StandardCharsets.ISO_8859_1);
            int next = Math.min(len, end + 1);
            if (start == null) {
                start = line;
            } else if (line.trim().isEmpty()) {
                body = end < len ? next : -1;
                break;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (value != null) {
                    value.append(' ').append(line.trim());
                }
            } else {
                if (name != null) {
                    fields.add(new Field(name.toString(), value.toString().trim()));
                    name = null;
                    value = null;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || line.substring(0, colon).trim().isEmpty()) {
                    if (malformed == null) {
                        malformed = line;
                    }
                } else {
                    name = new StringBuilder(line.substring(0, colon).trim());
                    value = new StringBuilder(line.substring(colon + 1));
                }
            }
            i = next;
        }
        if (name != null) {
            fields.add(new Field(name.toString(), value.toString().trim()));
        }
        return new RawSipMessage(start == null ? "" : start, List.copyOf(fields), malformed, body);
    }

    /** The first line, without its line end; empty if the bytes held only CR/LF. */
    String startLine() {
        return startLine;
    }

    boolean isResponse() {
        return startLine.regionMatches(true, 0, "SIP/", 0, 4);
    }

    /** The first header line that is neither a field ({@code name: value}) nor a continuation, or null. */
    String malformedLine() {
        return malformedLine;
    }

    /** Offset of the body (just past the blank line), or -1 if the header section never ended. */
    int bodyOffset() {
        return bodyOffset;
    }

    /** The request method (first token of a request line), or "" for a response or an empty start line. */
    String method() {
        if (isResponse()) {
            return "";
        }
        int sp = startLine.indexOf(' ');
        return sp < 0 ? startLine : startLine.substring(0, sp);
    }

    /** Every value of the field {@code longName} (or its compact form, RFC 3261 section 7.3.3), in order. */
    List<String> values(String longName) {
        String compact = compactForm(longName);
        List<String> out = new ArrayList<>(1);
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(longName) || (compact != null && f.name().equalsIgnoreCase(compact))) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** The first value of {@code longName}, or null. */
    String value(String longName) {
        List<String> v = values(longName);
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * Content-Length as framing needs it: 0 when absent, -1 when present but not a single non-negative decimal
     * number (RFC 3261 section 20.14: {@code Content-Length = ( "Content-Length" / "l" ) HCOLON 1*DIGIT}).
     */
    long contentLength() {
        List<String> v = values("Content-Length");
        if (v.isEmpty()) {
            return 0;
        }
        if (v.size() > 1) {
            return -1;
        }
        String s = v.get(0);
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    private static String compactForm(String longName) {
        return switch (longName.toLowerCase(Locale.ROOT)) {
            case "via" -> "v";
            case "call-id" -> "i";
            case "from" -> "f";
            case "to" -> "t";
            case "content-length" -> "l";
            case "content-type" -> "c";
            case "contact" -> "m";
            default -> null;
        };
    }
}
