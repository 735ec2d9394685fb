package com.securetrunk.testpbx.ami;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Pure AMI encoding: header lines to bytes and raw lines to headers. No I/O here.
 *
 * <pre>
 *   message = *( key ":" SP value CRLF ) CRLF
 * </pre>
 * Asterisk splits a request line at the first {@code ':'} and skips the blanks after it
 * ({@code astman_get_header}); a line without a colon is kept but matches no key.
 */
public final class AmiCodec {

    /** Longest request line Asterisk accepts ({@code char inbuf[1025]} incl. the NUL). */
    public static final int MAX_LINE_BYTES = 1024;
    /** Most header lines in one request ({@code AST_MAX_MANHEADERS}). */
    public static final int MAX_HEADERS = 128;
    public static final String CRLF = "\r\n";

    private AmiCodec() {
    }

    /** Encodes a message as Asterisk writes it: {@code Key: Value\r\n} per header, then an empty line. */
    public static String encode(AmiMessage message) {
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, String> h : message.headers()) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append(CRLF);
        }
        return sb.append(CRLF).toString();
    }

    public static byte[] encodeBytes(AmiMessage message) {
        return encode(message).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the lines of one request (without their CRLF and without the terminating empty line). */
    public static AmiMessage parse(List<String> lines) {
        AmiMessage.Builder b = AmiMessage.builder();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                b.add(line, "");
                continue;
            }
            int v = colon + 1;
            while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
                v++;
            }
            b.add(line.substring(0, colon).trim(), line.substring(v));
        }
        return b.build();
    }
}
