package com.securetrunk.testpbx.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP request or response (RFC 3261 section 7): start line, ordered headers, body. Header names are
 * stored in their long form (compact forms such as {@code v}, {@code i}, {@code m} are expanded on parse)
 * and compared case-insensitively. Comma-joined values of Via, Route and Record-Route are split.
 * Pure: no I/O.
 */
public final class SipMessage {
    public static final int MAX_SIZE = 65_535;
    private static final Map<String, String> COMPACT = Map.of("v", "Via", "i", "Call-ID", "m", "Contact", "f",
            "From", "t", "To", "l", "Content-Length", "c", "Content-Type", "k", "Supported", "s", "Subject",
            "e", "Content-Encoding");
    private static final List<String> SPLIT_ON_COMMA = List.of("via", "route", "record-route");

    private final String method; // null for responses
    private final String requestUri;
    private final int status;
    private final String reason;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private SipMessage(String method, String requestUri, int status, String reason) {
        this.method = method;
        this.requestUri = requestUri;
        this.status = status;
        this.reason = reason;
    }

    public static SipMessage request(String method, String requestUri) {
        return new SipMessage(method, requestUri, 0, null);
    }

    public static SipMessage response(int status, String reason) {
        return new SipMessage(null, null, status, reason);
    }

    public boolean isRequest() {
        return method != null;
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** Method of the CSeq header (for responses, the method they answer). */
    public String cseqMethod() {
        String cseq = header("CSeq");
        if (cseq == null) {
            return null;
        }
        String[] parts = cseq.trim().split("\\s+");
        return parts.length > 1 ? parts[1] : null;
    }

    public long cseqNumber() {
        String cseq = header("CSeq");
        if (cseq == null) {
            return -1;
        }
        try {
            return Long.parseLong(cseq.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    public SipMessage add(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public SipMessage set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public SipMessage remove(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    /** Copies every header named {@code name} from {@code other}, in order. */
    public SipMessage copy(SipMessage other, String name) {
        for (String v : other.headers(name)) {
            add(name, v);
        }
        return this;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public SipMessage body(String contentType, String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        set("Content-Type", contentType);
        return this;
    }

    /** Branch parameter of the top Via, or null. */
    public String topViaBranch() {
        String via = header("Via");
        return via == null ? null : NameAddr.param(via, "branch");
    }

    public String callId() {
        return header("Call-ID");
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(512);
        if (isRequest()) {
            sb.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        } else {
            sb.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        }
        for (String[] h : headers) {
            if (!h[0].equalsIgnoreCase("Content-Length")) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** First line, for logs. */
    public String firstLine() {
        return isRequest() ? method + " " + requestUri : status + " " + reason;
    }

    /**
     * Parses one message from {@code data[off..off+len)}. For datagrams the body is whatever follows the
     * blank line (trimmed to Content-Length if present); stream framing is done by the transport.
     */
    public static SipMessage parse(byte[] data, int off, int len) throws SipParseException {
        int headerEnd = indexOfBlankLine(data, off, len);
        if (headerEnd < 0) {
            throw new SipParseException("no blank line (CRLF CRLF) ending the header section in " + len + " bytes");
        }
        String head = new String(data, off, headerEnd - off, StandardCharsets.UTF_8);
        String[] lines = head.split("\r\n");
        int first = 0;
        while (first < lines.length && lines[first].isEmpty()) {
            first++;
        }
        if (first == lines.length) {
            throw new SipParseException("empty message");
        }
        SipMessage msg = parseStartLine(lines[first]);
        String current = null;
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current == null) {
                    throw new SipParseException("line " + (i + 1) + ": continuation line before any header");
                }
                current = current + " " + line.trim(); // RFC 3261 7.3.1 line folding
                continue;
            }
            if (current != null) {
                msg.addParsed(current, i);
            }
            current = line;
        }
        if (current != null) {
            msg.addParsed(current, lines.length);
        }
        int bodyStart = headerEnd + 4;
        int available = off + len - bodyStart;
        String cl = msg.header("Content-Length");
        int bodyLen = available;
        if (cl != null) {
            try {
                bodyLen = Integer.parseInt(cl.trim());
            } catch (NumberFormatException e) {
                throw new SipParseException("Content-Length: expected a number, found '" + cl + "'");
            }
            if (bodyLen < 0 || bodyLen > available) {
                throw new SipParseException("Content-Length " + bodyLen + " but " + available + " body bytes present");
            }
        }
        msg.body = new byte[bodyLen];
        System.arraycopy(data, bodyStart, msg.body, 0, bodyLen);
        return msg;
    }

    private void addParsed(String line, int lineNo) throws SipParseException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("line " + lineNo + ": expected 'Name: value', found '" + line + "'");
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        name = COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        if (SPLIT_ON_COMMA.contains(name.toLowerCase(Locale.ROOT))) {
            for (String part : NameAddr.splitTopLevel(value)) {
                headers.add(new String[] {name, part});
            }
        } else {
            headers.add(new String[] {name, value});
        }
    }

    private static SipMessage parseStartLine(String line) throws SipParseException {
        if (line.startsWith("SIP/2.0 ")) {
            String rest = line.substring(8);
            int sp = rest.indexOf(' ');
            String code = sp < 0 ? rest : rest.substring(0, sp);
            try {
                int status = Integer.parseInt(code);
                if (status < 100 || status > 699) {
                    throw new SipParseException("status code out of range 100-699: " + status);
                }
                return response(status, sp < 0 ? "" : rest.substring(sp + 1));
            } catch (NumberFormatException e) {
                throw new SipParseException("status line: expected a 3-digit code, found '" + code + "'");
            }
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].equals("SIP/2.0")) {
            throw new SipParseException("start line: expected 'METHOD uri SIP/2.0' or 'SIP/2.0 code reason', found '"
                    + line + "'");
        }
        return request(parts[0], parts[1]);
    }

    /** Offset of the CRLFCRLF that ends the header section, or -1. */
    public static int indexOfBlankLine(byte[] data, int off, int len) {
        for (int i = off; i + 3 < off + len; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
