package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.sip.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Sends one OPTIONS request (RFC 3261 section 11) and returns the first final response. Provisional responses are
 * skipped; responses are bounded to {@value #MAX_MESSAGE} bytes.
 */
final class OptionsProbe {
    static final int MAX_MESSAGE = 65_535;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OptionsProbe() {
    }

    /** The status line's code and the whole response text (headers and body). */
    record Response(int status, String statusLine, String text) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static String request(String requestUri, Transport transport, InetAddress local, int localPort, String scheme) {
        String host = local.getHostAddress().indexOf(':') >= 0 ? "[" + local.getHostAddress() + "]" : local.getHostAddress();
        String rnd = HexFormat.of().formatHex(random(8));
        return "OPTIONS " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport.name() + " " + host + ":" + localPort + ";branch=z9hG4bK" + rnd + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + scheme + ":check@" + host + ">;tag=" + rnd.substring(0, 8) + "\r\n"
                + "To: <" + requestUri + ">\r\n"
                + "Call-ID: " + rnd + "@securetrunk-check\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Contact: <" + scheme + ":check@" + host + ":" + localPort
                + (transport == Transport.UDP ? "" : ";transport=" + transport.name().toLowerCase(Locale.ROOT)) + ">\r\n"
                + "Accept: application/sdp\r\n"
                + "User-Agent: SecureTrunk-check/0.1\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Over a connected stream socket (TCP or TLS). */
    static Response overStream(Socket s, String requestUri, Transport transport, String scheme, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        OutputStream out = s.getOutputStream();
        out.write(request(requestUri, transport, s.getLocalAddress(), s.getLocalPort(), scheme).getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = s.getInputStream();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Response r = parse(readMessage(in));
            if (r.status() >= 200) {
                return r;
            }
        }
        throw new SocketTimeoutException("no final response within " + timeoutMs + " ms");
    }

    /** Over UDP, retransmitting per RFC 3261 Timer E (500 ms doubling) until the timeout. */
    static Response overUdp(InetSocketAddress to, String requestUri, int timeoutMs) throws IOException {
        try (DatagramSocket ds = new DatagramSocket(0, to.getAddress().isLoopbackAddress() ? to.getAddress() : null)) {
            ds.connect(to);
            byte[] req = request(requestUri, Transport.UDP, ds.getLocalAddress(), ds.getLocalPort(), "sip")
                    .getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            int interval = 500;
            long nextSend = 0;
            byte[] buf = new byte[MAX_MESSAGE];
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new SocketTimeoutException("no final response within " + timeoutMs + " ms");
                }
                if (now >= nextSend) {
                    ds.send(new DatagramPacket(req, req.length));
                    nextSend = now + interval * 1_000_000L;
                    interval = Math.min(interval * 2, 4000);
                }
                long waitMs = Math.max(1, Math.min(nextSend, deadline) - now) / 1_000_000L;
                ds.setSoTimeout((int) Math.max(1, waitMs));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    ds.receive(p);
                } catch (SocketTimeoutException again) {
                    continue;
                } catch (java.net.PortUnreachableException e) {
                    throw new IOException("port unreachable (ICMP): nothing listens on UDP " + to, e);
                }
                Response r = parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (r.status() >= 200) {
                    return r;
                }
            }
        }
    }

    /** Reads one SIP message from a stream: headers to the blank line, then Content-Length bytes. */
    static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the peer before a complete response");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs (RFC 5626 section 3.5.1)
            }
            head.write(b);
            if (head.size() > MAX_MESSAGE) {
                throw new IOException("response headers exceed " + MAX_MESSAGE + " bytes");
            }
            last4 = (last4 << 8) | (b & 0xFF);
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length") || name.equals("l")) {
                    try {
                        length = Integer.parseInt(line.substring(colon + 1).trim());
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length in response: " + line);
                    }
                }
            }
        }
        if (length < 0 || length > MAX_MESSAGE) {
            throw new IOException("response Content-Length " + length + " out of range");
        }
        byte[] body = in.readNBytes(length);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    static Response parse(String text) throws IOException {
        int eol = text.indexOf("\r\n");
        String first = eol >= 0 ? text.substring(0, eol) : text;
        String[] f = first.split(" ", 3);
        if (f.length < 2 || !f[0].equals("SIP/2.0")) {
            throw new IOException("not a SIP response: '" + first + "'");
        }
        try {
            return new Response(Integer.parseInt(f[1]), first, text);
        } catch (NumberFormatException e) {
            throw new IOException("not a SIP status code in '" + first + "'");
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
