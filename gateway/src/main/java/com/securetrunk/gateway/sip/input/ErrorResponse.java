package com.securetrunk.gateway.sip.input;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Renders the error response to a request the stack never sees, from its raw header fields (RFC 3261 section 8.2.6.2):
 * Via fields copied in order, From, To (with a tag added), Call-ID and CSeq copied as received, then
 * {@code Warning: 399 <host> "<reason>"} (section 20.43) and {@code Content-Length: 0}. Values are copied byte for
 * byte, a malformed one too: the client matches the response by its Via branch and CSeq, so echoing what it sent is
 * what lets it match; a field holding control characters makes the request unanswerable instead.
 */
final class ErrorResponse {
    private ErrorResponse() {
    }

    /**
     * True if {@code m} is a request that can be answered: not an ACK (never answered, section 17.2.1), with a
     * request line, a Via that names SIP/2.0 and its transport, a Call-ID and a CSeq.
     */
    static boolean answerable(RawSipMessage m) {
        if (m.isResponse() || m.method().isEmpty() || m.method().equalsIgnoreCase("ACK") || !clean(m.startLine())) {
            return false;
        }
        if (m.values("Via").isEmpty() || !m.values("Via").get(0).regionMatches(true, 0, "SIP/2.0/", 0, 8)) {
            return false;
        }
        for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            for (String v : m.values(name)) {
                if (!clean(v)) {
                    return false;
                }
            }
        }
        return present(m.value("Call-ID")) && present(m.value("CSeq"));
    }

    /** The response bytes; {@code m} must be {@link #answerable}. */
    static byte[] render(RawSipMessage m, int status, String reasonPhrase, String warnHost, String warning) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("SIP/2.0 ").append(status).append(' ').append(reasonPhrase).append("\r\n");
        for (String via : m.values("Via")) {
            sb.append("Via: ").append(via).append("\r\n");
        }
        String from = m.value("From");
        if (from != null) {
            sb.append("From: ").append(from).append("\r\n");
        }
        String to = m.value("To");
        if (to != null) {
            sb.append("To: ").append(to);
            if (!to.toLowerCase(java.util.Locale.ROOT).contains(";tag=")) {
                sb.append(";tag=").append(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            sb.append("\r\n");
        }
        sb.append("Call-ID: ").append(m.value("Call-ID")).append("\r\n");
        sb.append("CSeq: ").append(m.value("CSeq")).append("\r\n");
        sb.append("Warning: 399 ").append(warnHost).append(" \"").append(quotable(warning)).append("\"\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Text safe inside a quoted-string: quotes become apostrophes, line breaks and tabs spaces, backslashes and other
     * control or non-ASCII characters '?'; at most 200 characters.
     */
    static String quotable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && sb.length() < 200; i++) {
            char c = s.charAt(i);
            sb.append(c == '"' ? '\'' : c == '\r' || c == '\n' || c == '\t' ? ' ' : c == '\\' || c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    private static boolean clean(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
