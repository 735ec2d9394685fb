package com.securetrunk.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every listening point of the running product (legacy UDP, TCP and TLS; secure TLS), over real
 * sockets: RFC 4475-style torture messages, oversized messages, truncated TCP frames, binary garbage, TLS clients
 * that stall mid-handshake and an INVITE flood from one source. Each must be answered with an error or dropped, the
 * gateway must go on carrying a normal call (test-pbx PBX -> gateway -> test-pbx secure domain, audio checked) while
 * and after it happens, and nothing may leak (media ports, threads, file descriptors).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final int MEDIA_MIN = 23000; // below the ephemeral range (32768+), where peers bind
    private static final int MEDIA_MAX = 23999;
    private static final int MAX_MESSAGE = 8192;
    private static final int INVITE_RATE = 20;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern TO = Pattern.compile("(?im)^(To|t):.*$");
    /** One client for every scrape: one kept-alive connection to the gateway's admin server, not one per scrape. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static SipUa pbx;
    private static SecureDomain domain;
    private static GatewayProcess gateway;
    private static int baselineThreads;
    private static int baselineFiles;
    private static int metricsPort;
    /** What each bad input got back, for the report at the end: "transport: message" -> statuses. */
    private static final Map<String, String> OUTCOMES = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.shared();
        TestPki.Issued gw = pki.issue("gateway-bad-input", "gw.example.test");
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        int legacyTls = LocalPorts.freePort();
        metricsPort = LocalPorts.freePort();
        gateway = GatewayProcess.start(dir, """
                securetrunk {
                  sip.legacy { listen-addresses = ["127.0.0.1"], transports = [udp, tcp, tls], udp-port = 0, tcp-port = 0, tls-port = %d }
                  sip.secure { listen-addresses = ["127.0.0.1"], tls-port = 0 }
                  pbx {
                    allowed-sources = ["127.0.0.0/8"]
                    profile = asterisk-chan_sip
                    target { host = "127.0.0.1", port = %d, transport = udp }
                  }
                  secure-domain { targets = [ { host = "127.0.0.1", port = %d, transport = tls } ], profile = twilio-secure }
                  tls { certificate = "%s", private-key = "%s", ca-bundle = "%s" }
                  media { bind-address = "127.0.0.1", port-min = %d, port-max = %d, port-quarantine = 1s, event-loops = 1 }
                  limits { max-sip-message-size = %d, invite-rate-per-source = %d, tls-handshake-timeout = 2s }
                  metrics { enabled = true, address = "127.0.0.1", port = %d }
                }
                """.formatted(legacyTls, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP), domain.tlsPort(), gw.certPem(),
                gw.keyPem(), pki.caPem(), MEDIA_MIN, MEDIA_MAX, MAX_MESSAGE, INVITE_RATE, metricsPort));
        normalCall("warm-up");
        baselineThreads = gateway.threadCount();
        baselineFiles = gateway.openFiles();
    }

    @AfterAll
    static void stop() throws Exception {
        OUTCOMES.forEach((k, v) -> System.out.println("bad input | " + k + " | " + v));
        try {
            if (gateway != null) {
                assertThat(gateway.stop(Duration.ofSeconds(20))).as("exit status after SIGTERM").isIn(0, 143);
            }
        } finally {
            if (domain != null) {
                domain.close();
            }
            if (pbx != null) {
                pbx.close();
            }
        }
    }

    /** PBX -> gateway -> secure domain with audio both ways, then BYE: the gateway still does its job. */
    private static void normalCall(String what) throws Exception {
        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to("sip:+15551230001@127.0.0.1:" + gateway.port("legacy", "UDP")));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("%s: call answered: %s\n%s", what, out, gateway.logTail(3000)).isTrue();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        assertClean(out.audioReport(), what + ": PBX hears the secure domain");
        assertClean(in.audioReport(), what + ": secure domain hears the PBX");
        out.hangup();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).as(what + ": BYE reached the secure domain").isTrue();
    }

    private static void assertClean(AudioReport r, String who) {
        assertThat(r.problems(25)).as(who + ": " + r.summary()).isEmpty();
    }

    private static void record(String key, List<Integer> statuses) {
        OUTCOMES.put(key, statuses.isEmpty() ? "dropped" : statuses.toString());
    }

    /** A final response to bad input must be an error; a 1xx (100 Trying) may come first. Responses are never answered. */
    private static void assertRefusedOrDropped(String what, boolean isResponse, List<Integer> statuses) {
        if (isResponse) {
            assertThat(statuses).as("%s: a response must never be answered", what).isEmpty();
            return;
        }
        assertThat(statuses).as("%s: only errors (>= 400) or nothing", what).allMatch(s -> s == 100 || s >= 400);
    }

    private static boolean isResponse(byte[] msg) {
        return new String(msg, 0, Math.min(8, msg.length), StandardCharsets.ISO_8859_1).startsWith("SIP/2.0");
    }

    // ---------------------------------------------------------------------------------------------- UDP

    private static List<String> udpExchange(DatagramSocket s, int port, byte[] msg, int waitMs) throws IOException {
        s.send(new DatagramPacket(msg, msg.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[65535];
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1));
        }
        return got;
    }

    @Test
    @Order(1)
    void udpTortureMessagesAreRefusedOrDropped() throws Exception {
        int port = gateway.port("legacy", "UDP");
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            for (var e : Torture.messages("u").entrySet()) {
                byte[] msg = Torture.fill(e.getValue(), "UDP", s.getLocalPort());
                List<Integer> statuses = udpExchange(s, port, msg, 300).stream().map(Torture::status).toList();
                record("udp: " + e.getKey(), statuses);
                assertRefusedOrDropped("udp: " + e.getKey(), isResponse(msg), statuses);
            }
            byte[] big = Torture.fill(Torture.oversized("big-u", 20_000), "UDP", s.getLocalPort());
            List<Integer> statuses = udpExchange(s, port, big, 500).stream().map(Torture::status).toList();
            record("udp: 20000-byte INVITE over limits.max-sip-message-size " + MAX_MESSAGE, statuses);
            assertThat(statuses).as("oversized over UDP: 413 or dropped").allMatch(st -> st == 413);
        }
        assertThat(gateway.isAlive()).isTrue();
        normalCall("after UDP bad input");
    }

    // ---------------------------------------------------------------------------------------------- TCP / TLS

    /** Sends {@code msg} on a fresh connection; returns the statuses read until close or {@code waitMs}. */
    private static List<Integer> streamExchange(Socket s, byte[] msg, int waitMs) throws IOException {
        return statuses(streamText(s, msg, waitMs));
    }

    /** The statuses of the responses in {@code got}, in order. */
    private static List<Integer> statuses(String got) {
        List<Integer> statuses = new ArrayList<>();
        for (String part : got.split("(?=SIP/2\\.0 \\d{3} )")) {
            int st = Torture.status(part);
            if (st > 0) {
                statuses.add(st);
            }
        }
        return statuses;
    }

    /** Sends {@code msg} on {@code s}; returns what came back until close or {@code waitMs}. */
    private static String streamText(Socket s, byte[] msg, int waitMs) throws IOException {
        s.setSoTimeout(waitMs);
        OutputStream out = s.getOutputStream();
        out.write(msg);
        out.flush();
        StringBuilder got = new StringBuilder();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException | java.net.SocketException closedOrQuiet) {
            // nothing more
        }
        return got.toString();
    }

    private static Socket tcp(int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress("127.0.0.3", 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        return s;
    }

    private static Socket tls(int port) throws IOException {
        Socket plain = tcp(port);
        SSLSocket s = (SSLSocket) TestPki.shared().clientContext().getSocketFactory()
                .createSocket(plain, "127.0.0.1", port, true);
        s.setSoTimeout(5000);
        s.startHandshake();
        return s;
    }

    @Test
    @Order(2)
    void tcpAndTlsTortureMessagesAreRefusedOrDropped() throws Exception {
        Map<String, Integer> points = Map.of("tcp legacy", gateway.port("legacy", "TCP"), "tls legacy", gateway.port("legacy", "TLS"),
                "tls secure", gateway.port("secure", "TLS"));
        for (var point : new TreeMap<>(points).entrySet()) {
            boolean isTls = point.getKey().startsWith("tls");
            for (var e : Torture.messages(point.getKey().replace(' ', '-')).entrySet()) {
                try (Socket s = isTls ? tls(point.getValue()) : tcp(point.getValue())) {
                    byte[] msg = Torture.fill(e.getValue(), isTls ? "TLS" : "TCP", s.getLocalPort());
                    List<Integer> statuses = streamExchange(s, msg, 400);
                    record(point.getKey() + ": " + e.getKey(), statuses);
                    assertRefusedOrDropped(point.getKey() + ": " + e.getKey(), isResponse(msg), statuses);
                }
            }
            try (Socket s = isTls ? tls(point.getValue()) : tcp(point.getValue())) {
                byte[] big = Torture.fill(Torture.oversized("big-" + point.getKey().replace(' ', '-'), 100_000), isTls ? "TLS" : "TCP",
                        s.getLocalPort());
                List<Integer> statuses = streamExchange(s, big, 1000);
                record(point.getKey() + ": 100000-byte INVITE over limits.max-sip-message-size " + MAX_MESSAGE, statuses);
                assertThat(statuses).as("%s: oversized: 413 or the connection dropped", point.getKey()).allMatch(st -> st == 413);
            } catch (java.net.SocketException resetWhileWriting) {
                record(point.getKey() + ": 100000-byte INVITE over limits.max-sip-message-size " + MAX_MESSAGE, List.of());
            }
            // a truncated frame: headers promise 500 body bytes, 20 arrive, then the client goes away
            try (Socket s = isTls ? tls(point.getValue()) : tcp(point.getValue())) {
                String head = new String(Torture.fill(Torture.inviteWithoutSdp("trunc-" + point.getKey().replace(' ', '-')),
                        isTls ? "TLS" : "TCP", s.getLocalPort()), StandardCharsets.ISO_8859_1)
                        .replace("Content-Length: 0", "Content-Type: application/sdp\r\nContent-Length: 500");
                List<Integer> statuses = streamExchange(s, (head + "v=0\r\no=- 1 1 IN IP4 ").getBytes(StandardCharsets.ISO_8859_1), 300);
                record(point.getKey() + ": truncated frame (Content-Length 500, 20 body bytes, then close)", statuses);
                assertThat(statuses).as("truncated frame is not processed as a request").isEmpty();
            }
        }
        assertThat(gateway.isAlive()).isTrue();
        normalCall("after TCP/TLS bad input");
    }

    // ---------------------------------------------------------------------------------------------- answered, not dropped

    /**
     * reference.conf promises "larger ones get 413 (or are dropped on UDP)": over TCP (and TLS) the request line and Via
     * are read before the limit, so the answer is 413 with a Warning naming the limit, then the connection is closed.
     */
    @Test
    @Order(6)
    void oversizedOverTcpIsAnswered413() throws Exception {
        for (String transport : List.of("TCP", "TLS")) {
            try (Socket s = transport.equals("TLS") ? tls(gateway.port("legacy", "TLS")) : tcp(gateway.port("legacy", "TCP"))) {
                byte[] big = Torture.fill(Torture.oversized("big-413-" + transport, 20_000), transport, s.getLocalPort());
                String got = streamText(s, big, 2000);
                assertThat(statuses(got)).as(transport).containsExactly(413);
                assertThat(got).as(transport).containsPattern("(?m)^Warning: 399 \\S+ \".*limits\\.max-sip-message-size.*\"$")
                        .contains("Via: SIP/2.0/" + transport + " 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK-big-413-" + transport)
                        .contains("Call-ID: big-413-" + transport).contains("CSeq: 1 INVITE");
            }
        }
    }

    /**
     * RFC 3261 section 21.5.6 (505 Version Not Supported) / RFC 4475 3.1.2.x "badvers": a request with SIP-Version
     * SIP/7.0 gets 505 Version Not Supported (JAIN-SIP RI alone took it as SIP/2.0: 100 then 488 for the missing offer).
     */
    @Test
    @Order(7)
    void unknownSipVersionIsAnswered505() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            byte[] msg = Torture.fill(Torture.messages("v505").get("unknown SIP version (3.1.2.x badvers)"), "UDP", s.getLocalPort());
            assertThat(udpExchange(s, gateway.port("legacy", "UDP"), msg, 1000).stream().map(Torture::status).toList())
                    .containsExactly(505);
        }
    }

    // ---------------------------------------------------------------------------------------------- TLS stall

    @Test
    @Order(3)
    void tlsClientsStallingMidHandshakeAreCutOffWhileCallsGoOn() throws Exception {
        int[] ports = {gateway.port("secure", "TLS"), gateway.port("legacy", "TLS")};
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = tcp(ports[i % 2]);
                // the first 5 bytes of a TLS record carrying a ClientHello, then nothing
                s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
                s.getOutputStream().flush();
                stalled.add(s);
            }
            normalCall("while 40 TLS handshakes stall");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int closed = 0;
            for (Socket s : stalled) {
                s.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    if (s.getInputStream().read() < 0) {
                        closed++;
                    } else {
                        closed++; // an alert, then the close
                    }
                } catch (SocketTimeoutException stillOpen) {
                    break;
                } catch (java.net.SocketException reset) {
                    closed++;
                }
            }
            OUTCOMES.put("tls: 40 clients stalled after 5 bytes of ClientHello", closed + " closed by the gateway within 10 s "
                    + "(limits.tls-handshake-timeout = 2s)");
            assertThat(closed).as("stalled handshakes cut off by limits.tls-handshake-timeout").isEqualTo(stalled.size());
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- INVITE flood

    @Test
    @Order(4)
    void anInviteFloodFromOneSourceGets503BeyondTheRateWhileOtherSourcesCallNormally() throws Exception {
        int port = gateway.port("legacy", "UDP");
        int sent = 300;
        Map<Integer, Integer> finals = new TreeMap<>();
        Thread flood;
        AtomicReference<Throwable> floodError = new AtomicReference<>();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            flood = new Thread(() -> {
                try {
                    for (int i = 0; i < sent; i++) {
                        byte[] inv = Torture.fill(Torture.inviteWithoutSdp("flood-" + i), "UDP", s.getLocalPort());
                        s.send(new DatagramPacket(inv, inv.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                        if (i % 50 == 49) {
                            Thread.sleep(100); // 300 INVITEs over ~0.6 s
                        }
                    }
                } catch (Exception e) {
                    floodError.set(e);
                }
            }, "invite-flood");
            flood.start();
            normalCall("during an INVITE flood from 127.0.0.2"); // from 127.0.0.1: its own rate
            flood.join(10_000);
            assertThat(floodError.get()).isNull();
            byte[] buf = new byte[65535];
            java.util.Set<String> answered = new java.util.HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (answered.size() < sent && System.nanoTime() < deadline) {
                s.setSoTimeout(1000);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                int st = Torture.status(r);
                Matcher cid = Pattern.compile("(?im)^(Call-ID|i):\\s*(\\S+)").matcher(r);
                Matcher to = TO.matcher(r);
                if (st >= 200 && cid.find() && to.find() && answered.add(cid.group(2))) {
                    finals.merge(st, 1, Integer::sum);
                    byte[] ack = Torture.fill(Torture.ack(cid.group(2), to.group()), "UDP", s.getLocalPort());
                    s.send(new DatagramPacket(ack, ack.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                }
            }
        }
        OUTCOMES.put("udp: flood of " + sent + " INVITEs (no SDP) from 127.0.0.2 in ~0.6 s, limit " + INVITE_RATE + "/s",
                "final responses " + finals);
        assertThat(finals.keySet()).as("finals: 503 beyond the rate, 488 (no offer) within it").isSubsetOf(488, 503);
        assertThat(finals.getOrDefault(503, 0)).as("503s for the excess").isGreaterThanOrEqualTo(sent - 3 * INVITE_RATE);
        assertThat(finals.getOrDefault(488, 0)).as("INVITEs within the rate reach the call logic").isBetween(1, 3 * INVITE_RATE);
        assertThat(finals.values().stream().mapToInt(Integer::intValue).sum()).as("every INVITE got a final response").isEqualTo(sent);
        assertThat(gateway.log()).contains("[invite-rate-per-source]");
        assertThat(metric("securetrunk_sip_refused_total{rule=\"invite-rate-per-source\",side=\"legacy\",status=\"503\"}"))
                .as("each 503 of the flood counted on /metrics").isGreaterThanOrEqualTo(finals.getOrDefault(503, 0));
        normalCall("after the INVITE flood");
    }

    // ---------------------------------------------------------------------------------------------- leaks

    private static List<Integer> mediaPortsHeld() throws IOException {
        return LocalPorts.udpPortsBoundBy(gateway.pid(), MEDIA_MIN, MEDIA_MAX);
    }

    /**
     * Over TCP and TLS, a request the stack would have dropped unanswered is answered 400 with a Warning naming the
     * broken or missing header when its request line, Via, Call-ID and CSeq can be read; the connection stays up and
     * carries the next request. One with no Call-ID cannot be answered and is dropped.
     */
    @Test
    @Order(8)
    void malformedStreamRequestsAreAnswered400NamingTheHeaderAndTheConnectionGoesOn() throws Exception {
        Map<String, Integer> points = new TreeMap<>(Map.of("tcp legacy", gateway.port("legacy", "TCP"),
                "tls legacy", gateway.port("legacy", "TLS"), "tls secure", gateway.port("secure", "TLS")));
        for (var point : points.entrySet()) {
            boolean isTls = point.getKey().startsWith("tls");
            String transport = isTls ? "TLS" : "TCP";
            String tag = "w-" + point.getKey().replace(' ', '-');
            Map<String, byte[]> torture = Torture.messages(tag);
            try (Socket s = isTls ? tls(point.getValue()) : tcp(point.getValue())) {
                String got = streamText(s, Torture.fill(torture.get("non-numeric CSeq (3.1.2.x badcseq kind)"), transport,
                        s.getLocalPort()), 1000);
                assertThat(statuses(got)).as("%s: non-numeric CSeq", point.getKey()).containsExactly(400);
                assertThat(got).as(point.getKey()).containsPattern("(?m)^Warning: 399 \\S+ \"malformed CSeq header.*\"$")
                        .contains("CSeq: abc INVITE").contains("Call-ID: e" + tag);

                got = streamText(s, Torture.fill(torture.get("missing From and To"), transport, s.getLocalPort()), 1000);
                assertThat(statuses(got)).as("%s: missing From and To, same connection", point.getKey()).containsExactly(400);
                assertThat(got).containsPattern("(?m)^Warning: 399 \\S+ \"missing From and To headers\"$");

                assertThat(statuses(streamText(s, Torture.fill(torture.get("missing Call-ID (RFC 4475 3.1.2.18 kind: mandatory header missing)"),
                        transport, s.getLocalPort()), 500))).as("%s: no Call-ID: dropped", point.getKey()).isEmpty();

                got = streamText(s, Torture.fill(Torture.options("opt-" + tag), transport, s.getLocalPort()), 2000);
                assertThat(statuses(got)).as("%s: a good OPTIONS on the same connection afterwards\n%s", point.getKey(), got)
                        .containsExactly(200);
            }
        }
    }

    /** The value of the sample {@code series} on /metrics, 0 if absent. */
    private static double metric(String series) throws Exception {
        String body = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String badMessages(String side, String transport, String outcome) {
        return "securetrunk_sip_bad_messages_total{outcome=\"" + outcome + "\",side=\"" + side + "\",transport=\"" + transport + "\"}";
    }

    /** Every bad message is counted on /metrics by side, transport and what became of it. */
    @Test
    @Order(9)
    void badMessagesAreCountedOnMetricsBySideTransportAndOutcome() throws Exception {
        String[] series = {badMessages("legacy", "udp", "answered_505"), badMessages("legacy", "udp", "dropped"),
            badMessages("legacy", "tcp", "answered_400"), badMessages("legacy", "tcp", "answered_413"),
            badMessages("secure", "tls", "dropped"), badMessages("legacy", "udp", "answered_413")};
        double[] before = new double[series.length];
        for (int i = 0; i < series.length; i++) {
            before[i] = metric(series[i]);
        }
        Map<String, byte[]> torture = Torture.messages("m");
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            int port = gateway.port("legacy", "UDP");
            assertThat(udpExchange(s, port, Torture.fill(torture.get("unknown SIP version (3.1.2.x badvers)"), "UDP", s.getLocalPort()), 500))
                    .hasSize(1);
            assertThat(udpExchange(s, port, Torture.fill(torture.get("1200 random bytes"), "UDP", s.getLocalPort()), 300)).isEmpty();
            assertThat(udpExchange(s, port, Torture.fill(torture.get("response with a four-digit status"), "UDP", s.getLocalPort()), 300))
                    .isEmpty();
            assertThat(udpExchange(s, port, Torture.fill(Torture.oversized("big-m", 20_000), "UDP", s.getLocalPort()), 500)).hasSize(1);
        }
        try (Socket s = tcp(gateway.port("legacy", "TCP"))) {
            assertThat(streamExchange(s, Torture.fill(torture.get("negative Content-Length (3.1.2.x ncl)"), "TCP", s.getLocalPort()), 500))
                    .containsExactly(400);
        }
        try (Socket s = tcp(gateway.port("legacy", "TCP"))) {
            assertThat(streamExchange(s, Torture.fill(Torture.oversized("big-m2", 20_000), "TCP", s.getLocalPort()), 1000))
                    .containsExactly(413);
        }
        try (Socket s = tls(gateway.port("secure", "TLS"))) {
            assertThat(streamExchange(s, Torture.fill(torture.get("missing Via"), "TLS", s.getLocalPort()), 500)).isEmpty();
        }
        double[] expected = {1, 2, 1, 1, 1, 1};
        for (int i = 0; i < series.length; i++) {
            assertThat(metric(series[i]) - before[i]).as(series[i]).isEqualTo(expected[i]);
        }
        OUTCOMES.put("metrics: securetrunk_sip_bad_messages_total over the whole run (legacy udp dropped / legacy tcp answered_400)",
                (long) metric(series[1]) + " / " + (long) metric(series[2]));
    }

    @Test
    @Order(20)
    void nothingLeaksAfterAllOfIt() throws Exception {
        normalCall("last");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && (!mediaPortsHeld().isEmpty()
                || gateway.threadCount() > baselineThreads + 10 || gateway.openFiles() > baselineFiles + 10)) {
            Thread.sleep(200);
        }
        OUTCOMES.put("leaks: media ports / threads / fds at the end", mediaPortsHeld() + " / "
                + gateway.threadCount() + " (baseline " + baselineThreads + ") / " + gateway.openFiles() + " (baseline " + baselineFiles + ")");
        assertThat(mediaPortsHeld()).as("media ports the gateway still holds\n%s", gateway.logTail(6000)).isEmpty();
        assertThat(gateway.threadCount()).as("gateway threads vs after the first call").isLessThanOrEqualTo(baselineThreads + 10);
        assertThat(gateway.openFiles()).as("gateway file descriptors vs after the first call").isLessThanOrEqualTo(baselineFiles + 10);
    }
}
