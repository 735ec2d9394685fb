package com.securetrunk.gateway.sip.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.sip.Side;
import com.securetrunk.gateway.sip.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guarded TCP listener over loopback: the client writes raw bytes, the test reads the accepted connection's input
 * as the stack would, and sees exactly the good messages and keep-alives, byte for byte, while the client gets the
 * answers to the bad ones on the same connection.
 */
class FramingInputStreamTest {
    private static final int MAX = 4096;

    private final List<String> counted = new ArrayList<>();
    private GuardedServerSocket listener;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws IOException {
        InputGuard guard = new InputGuard(Side.LEGACY, MAX, Optional.empty(),
                (side, transport, outcome) -> counted.add(side + " " + transport + " " + outcome.label()));
        listener = new GuardedServerSocket(0, 5, InetAddress.getLoopbackAddress(), guard);
        client = new Socket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 2000);
        accepted = listener.accept();
        accepted.setSoTimeout(3000);
        client.setSoTimeout(3000);
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        listener.close();
    }

    private static String request(String method, String callId, String extraHeaders, String body) {
        return method + " sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-" + callId
                + "\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 " + method
                + "\r\nMax-Forwards: 70\r\n" + extraHeaders + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void send(String s) throws IOException {
        client.getOutputStream().write(s.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
    }

    /** What the stack reads, until {@code n} bytes have come or the stream ends. */
    private String stackReads(int n) throws IOException {
        InputStream in = accepted.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (got.size() < n) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                break;
            }
            got.write(buf, 0, r);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** What the client got back until the connection closes or goes quiet for {@code quietMs}. */
    private String clientReads(int quietMs) throws IOException {
        client.setSoTimeout(quietMs);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int r;
            while ((r = client.getInputStream().read(buf)) >= 0) {
                got.write(buf, 0, r);
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more for now
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void goodMessagesAndKeepAlivesPassByteForByteAroundABadOneThatIsAnswered400() throws Exception {
        String first = request("INVITE", "c1", "Content-Type: application/sdp\r\n", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n");
        String bad = request("INVITE", "c2", "", "").replace("CSeq: 1 INVITE", "CSeq: x INVITE");
        String second = request("OPTIONS", "c3", "", "");
        send(first + "\r\n\r\n" + bad + second.substring(0, 30));
        Thread.sleep(100);
        send(second.substring(30)); // a message split across segments is passed whole
        assertThat(stackReads(first.length() + 4 + second.length())).isEqualTo(first + "\r\n\r\n" + second);
        String answer = clientReads(300);
        assertThat(answer).startsWith("SIP/2.0 400 Bad Request\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-c2\r\n")
                .contains("CSeq: x INVITE\r\n").contains("Warning: 399 127.0.0.1 \"malformed CSeq header");
        assertThat(counted).containsExactly("LEGACY TCP answered_400");
    }

    @Test
    void anOversizedRequestIsAnswered413AndTheConnectionEnds() throws Exception {
        String big = request("INVITE", "big", "Subject: " + "x".repeat(3 * MAX) + "\r\n", "");
        send(big);
        assertThat(stackReads(1)).as("the stack sees the end of the stream, nothing else").isEmpty();
        accepted.close(); // as the stack does at the end of the stream
        String answer = clientReads(2000);
        assertThat(answer).startsWith("SIP/2.0 413 Request Entity Too Large\r\n").contains("Call-ID: big\r\n")
                .contains("\"header section over limits.max-sip-message-size (4096 bytes)\"");
        assertThat(counted).containsExactly("LEGACY TCP answered_413");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithoutReadingIt() throws Exception {
        String m = request("MESSAGE", "body", "Content-Type: text/plain\r\n", "y".repeat(MAX));
        send(m);
        assertThat(stackReads(1)).isEmpty();
        accepted.close();
        assertThat(clientReads(2000)).startsWith("SIP/2.0 413 ").contains("\"message of " + m.length() + " bytes over");
    }

    @Test
    void aTruncatedFrameIsDroppedAndNotPassedOn() throws Exception {
        send(request("INVITE", "t", "", "").replace("Content-Length: 0", "Content-Length: 500") + "v=0\r\n");
        client.shutdownOutput();
        assertThat(stackReads(1)).isEmpty();
        assertThat(counted).containsExactly("LEGACY TCP dropped");
    }

    @Test
    void aBrokenContentLengthIsAnswered400AndEndsTheConnectionSinceTheFramingIsLost() throws Exception {
        send(request("INVITE", "ncl", "", "").replace("Content-Length: 0", "Content-Length: -999") + request("OPTIONS", "next", "", ""));
        assertThat(stackReads(1)).isEmpty();
        accepted.close();
        assertThat(clientReads(2000)).startsWith("SIP/2.0 400 Bad Request\r\n").contains("Content-Length");
    }

    @Test
    void garbageIsDroppedAndEndsTheConnection() throws Exception {
        send("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + request("OPTIONS", "after", "", ""));
        assertThat(stackReads(1)).isEmpty();
        accepted.close();
        assertThat(clientReads(2000)).isEmpty();
        assertThat(counted).containsExactly("LEGACY TCP dropped");
    }
}
