package com.securetrunk.gateway.it;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Malformed SIP of the kinds RFC 4475 (SIP Torture Test Messages) catalogues, written for this gateway: each is
 * invalid in one named way, and every one must be answered with an error (400/413/503...) or dropped, never accepted.
 */
final class Torture {
    private Torture() {
    }

    private static String invite(String callId, String... headerOverrides) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Via", "SIP/2.0/%TRANSPORT% 127.0.0.1:%PORT%;branch=z9hG4bK-" + callId);
        h.put("From", "<sip:pbx@127.0.0.1>;tag=t-" + callId);
        h.put("To", "<sip:+15550001@127.0.0.1>");
        h.put("Call-ID", callId);
        h.put("CSeq", "1 INVITE");
        h.put("Max-Forwards", "70");
        h.put("Contact", "<sip:pbx@127.0.0.1:%PORT%>");
        h.put("Content-Length", "0");
        for (int i = 0; i + 1 < headerOverrides.length; i += 2) {
            if (headerOverrides[i + 1] == null) {
                h.remove(headerOverrides[i]);
            } else {
                h.put(headerOverrides[i], headerOverrides[i + 1]);
            }
        }
        StringBuilder sb = new StringBuilder("INVITE sip:+15550001@127.0.0.1 SIP/2.0\r\n");
        h.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        return sb.append("\r\n").toString();
    }

    /** Named malformed messages; %TRANSPORT% and %PORT% are filled in by the sender. */
    static Map<String, byte[]> messages(String tag) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("missing Call-ID (RFC 4475 3.1.2.18 kind: mandatory header missing)", bytes(invite("a" + tag, "Call-ID", null)));
        m.put("missing CSeq", bytes(invite("b" + tag, "CSeq", null)));
        m.put("missing From and To", bytes(invite("c" + tag, "From", null, "To", null)));
        m.put("missing Via", bytes(invite("d" + tag, "Via", null)));
        m.put("non-numeric CSeq (3.1.2.x badcseq kind)", bytes(invite("e" + tag, "CSeq", "abc INVITE")));
        m.put("CSeq method differs from the request method (3.1.2.x mismatch01)", bytes(invite("f" + tag, "CSeq", "1 OPTIONS")));
        m.put("CSeq number over 2^31 (3.1.2.x bigcseq kind)", bytes(invite("g" + tag, "CSeq", "36893488147419103232 INVITE")));
        m.put("unterminated quoted display name (3.1.2.x quotbal)",
                bytes(invite("h" + tag, "From", "\"Bob <sip:pbx@127.0.0.1>;tag=t-h" + tag)));
        m.put("negative Content-Length (3.1.2.x ncl)", bytes(invite("i" + tag, "Content-Length", "-999")));
        m.put("Content-Length larger than the body (3.1.2.x clerr kind, datagram)",
                bytes(invite("j" + tag, "Content-Length", "9999", "Content-Type", "application/sdp") + "v=0\r\n"));
        m.put("unknown SIP version (3.1.2.x badvers)", bytes(invite("k" + tag).replace("INVITE sip:+15550001@127.0.0.1 SIP/2.0",
                "INVITE sip:+15550001@127.0.0.1 SIP/7.0")));
        m.put("Request-URI without host (3.1.2.x baduri kind)", bytes(invite("l" + tag).replace("sip:+15550001@127.0.0.1 SIP",
                "sip:@ SIP")));
        m.put("response with a four-digit status", bytes("SIP/2.0 2000 OK\r\nVia: SIP/2.0/%TRANSPORT% 127.0.0.1:%PORT%;branch=z9hG4bK-m"
                + tag + "\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: m" + tag
                + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
        m.put("response to no transaction", bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/%TRANSPORT% 127.0.0.1:%PORT%;branch=z9hG4bK-n"
                + tag + "\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>;tag=2\r\nCall-ID: n" + tag
                + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
        m.put("response without headers", bytes("SIP/2.0 180\r\n\r\n"));
        m.put("header line without colon", bytes(invite("o" + tag).replace("Max-Forwards: 70", "Max-Forwards 70 no colon")));
        m.put("HTTP request (non-SIP garbage)", bytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        byte[] binary = new byte[1200];
        new Random(4475).nextBytes(binary);
        m.put("1200 random bytes", binary);
        m.put("NUL bytes in the start line", bytes("INVITE sip:\0\0\0@127.0.0.1 SIP/2.0\r\n\r\n"));
        return m;
    }

    /** A syntactically valid INVITE of about {@code size} bytes (a long Subject header): over the size limit. */
    static byte[] oversized(String callId, int size) {
        String base = invite(callId);
        String filler = "x".repeat(Math.max(0, size - base.length()));
        return bytes(base.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nSubject: " + filler + "\r\n"));
    }

    /** A valid INVITE without SDP (the gateway refuses it with 488 after its INVITE-rate check). */
    static byte[] inviteWithoutSdp(String callId) {
        return bytes(invite(callId));
    }

    /** A valid out-of-dialog OPTIONS (the gateway answers it 200). */
    static byte[] options(String callId) {
        return bytes(invite(callId, "CSeq", "1 OPTIONS").replace("INVITE sip:+15550001@127.0.0.1 SIP/2.0", "OPTIONS sip:127.0.0.1 SIP/2.0"));
    }

    static byte[] ack(String callId, String toWithTag) {
        return bytes("ACK sip:+15550001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/%TRANSPORT% 127.0.0.1:%PORT%;branch=z9hG4bK-" + callId
                + "\r\nFrom: <sip:pbx@127.0.0.1>;tag=t-" + callId + "\r\n" + toWithTag + "\r\nCall-ID: " + callId
                + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Fills %TRANSPORT% and %PORT% (binary messages pass through unchanged). */
    static byte[] fill(byte[] msg, String transport, int port) {
        String s = new String(msg, StandardCharsets.ISO_8859_1);
        if (!s.contains("%")) {
            return msg;
        }
        return bytes(s.replace("%TRANSPORT%", transport).replace("%PORT%", Integer.toString(port)));
    }

    /** The status code of a SIP response, or -1. */
    static int status(String response) {
        if (!response.startsWith("SIP/2.0 ") || response.length() < 11) {
            return -1;
        }
        try {
            return Integer.parseInt(response.substring(8, 11));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
