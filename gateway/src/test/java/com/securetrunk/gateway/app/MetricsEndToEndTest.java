package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.securetrunk.gateway.app.calllog.CallLog;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.UaConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Metrics, health, readiness, the call log and SIP tracing, observed from outside over HTTP and in the log while a
 * real call runs PBX -> gateway -> secure domain with the simulators.
 */
class MetricsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private SipUa pbx;
    private SecureDomain domain;
    private Gateway gateway;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void stop() throws Exception {
        for (String name : List.of(CallLog.LOGGER, "securetrunk.sip.trace")) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(log);
        }
        CallChecks.closeAll(gateway, domain, pbx);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample line starting with {@code series} (name plus labels as Prometheus prints them). */
    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void aCallShowsInMetricsWhileItRunsAndItsEndAfterwardsAndTheCallLogHasBothCallIds() throws Exception {
        log.start();
        for (String name : List.of(CallLog.LOGGER, "securetrunk.sip.trace")) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(log);
        }
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = " + domain.tlsPort() + " } ] }\n"
                        + "metrics { enabled = true, address = \"127.0.0.1\", port = 0 }\n");
        assertThat(gateway.adminPort()).isPositive();
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("READY\n");
        String before = get("/metrics").body();
        assertThat(sample(before, "securetrunk_calls_active")).isZero();

        HttpResponse<String> traceOn = post("/trace?peer=127.0.0.1&on=true");
        assertThat(traceOn.statusCode()).isEqualTo(200);
        assertThat(get("/trace").body()).contains("[127.0.0.1]");

        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to("sip:+15551230001@127.0.0.1:" + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP)));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
        Thread.sleep(600);

        HttpResponse<String> during = get("/metrics");
        assertThat(during.statusCode()).isEqualTo(200);
        assertThat(during.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String d = during.body();
        assertThat(sample(d, "securetrunk_calls_active")).isEqualTo(1.0);
        assertThat(sample(d, "securetrunk_calls_started_total{from=\"legacy\"}")).isEqualTo(1.0);
        assertThat(sample(d, "securetrunk_call_setup_seconds_count")).isEqualTo(1.0);
        assertThat(sample(d, "securetrunk_tls_handshakes_total{direction=\"outbound\"}")).isGreaterThanOrEqualTo(1.0);
        double received = sample(d, "securetrunk_media_packets_total{direction=\"received\"}");
        assertThat(received).as(d).isGreaterThan(20); // 20 ms packets both ways for 600 ms
        assertThat(sample(d, "securetrunk_media_packets_total{direction=\"sent\"}")).isGreaterThan(20);
        assertThat(sample(d, "securetrunk_media_bytes_total{direction=\"received\"}")).isGreaterThan(received * 100);
        double l2s = sample(d, "securetrunk_media_forwarded_packets_total{direction=\"legacy-to-secure\"}");
        double s2l = sample(d, "securetrunk_media_forwarded_packets_total{direction=\"secure-to-legacy\"}");
        assertThat(l2s).as(d).isGreaterThan(20);
        assertThat(s2l).as(d).isGreaterThan(20);
        // plain RTP on the legacy leg, SRTP (10-byte tag) on the secure leg: the bytes per packet tell the sides apart
        double l2sBytes = sample(d, "securetrunk_media_forwarded_bytes_total{direction=\"legacy-to-secure\"}");
        double s2lBytes = sample(d, "securetrunk_media_forwarded_bytes_total{direction=\"secure-to-legacy\"}");
        assertThat(s2lBytes / s2l).as(d).isGreaterThan(l2sBytes / l2s);
        assertThat(sample(d, "securetrunk_srtp_auth_failures_total")).isZero();
        assertThat(sample(d, "securetrunk_srtp_replays_total")).isZero();
        assertThat(sample(d, "securetrunk_media_ports_in_use")).as("one RTP port per leg").isEqualTo(2.0);
        assertThat(sample(d, "securetrunk_media_ports_capacity")).isPositive();
        Thread.sleep(300);
        assertThat(sample(get("/metrics").body(), "securetrunk_media_packets_total{direction=\"received\"}"))
                .as("packets keep counting").isGreaterThan(received);

        out.hangup();
        Call in = incoming.get();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String after = get("/metrics").body();
        while (sample(after, "securetrunk_calls_active") != 0.0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = get("/metrics").body();
        }
        assertThat(sample(after, "securetrunk_calls_active")).isZero();
        assertThat(sample(after, "securetrunk_calls_ended_total{reason=\"bye-from-legacy\"}")).as(after).isEqualTo(1.0);
        assertThat(after).doesNotContain("securetrunk_calls_failed_total{");
        assertThat(sample(after, "securetrunk_media_ports_in_use")).isZero();
        assertThat(sample(after, "securetrunk_media_packets_total{direction=\"received\"}")).as("totals survive the release")
                .isGreaterThan(received);
        assertThat(sample(after, "securetrunk_media_forwarded_packets_total{direction=\"legacy-to-secure\"}"))
                .as("per-direction totals survive the release").isGreaterThan(l2s);
        assertThat(sample(after, "securetrunk_media_forwarded_packets_total{direction=\"secure-to-legacy\"}")).isGreaterThan(s2l);

        // the call log: a start line, an end line with both Call-IDs, profiles, suite, packets and reason
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        String start = lines.stream().filter(l -> l.startsWith("call start ")).findFirst().orElseThrow();
        String end = lines.stream().filter(l -> l.startsWith("call end ")).findFirst().orElseThrow();
        assertThat(start).contains("from=legacy", "in-call-id=" + out.callId(), "peer=127.0.0.1", "profile=asterisk-chan_sip");
        assertThat(end).contains("in-call-id=" + out.callId(), "out-call-id=" + in.callId(), "answered=true",
                "suite=AES_CM_128_HMAC_SHA1_80", "reason=bye-from-legacy", "profiles=asterisk-chan_sip->");
        assertThat(Long.parseLong(end.replaceAll(".* legacy-pkts-in=(\\d+) .*", "$1"))).isGreaterThan(20);
        assertThat(Long.parseLong(end.replaceAll(".* secure-pkts-in=(\\d+) .*", "$1"))).isGreaterThan(20);

        // tracing: messages from the traced peer were logged, and no SRTP key reached the log
        List<String> traced = log.list.stream().filter(e -> e.getLoggerName().equals("securetrunk.sip.trace"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(traced).anyMatch(t -> t.contains("INVITE sip:")).anyMatch(t -> t.contains("SIP/2.0 200 OK"));
        // ...and the messages the gateway sent: the INVITE toward the secure domain, the 200 OK and ACK it relayed
        assertThat(traced).anyMatch(t -> t.startsWith("secure side sent to 127.0.0.1:") && t.contains("\nINVITE sip:"))
                .anyMatch(t -> t.startsWith("secure side sent to 127.0.0.1:") && t.contains("\nACK sip:"))
                .anyMatch(t -> t.startsWith("legacy side sent to 127.0.0.1:") && t.contains("\nSIP/2.0 200 OK"))
                .anyMatch(t -> t.startsWith("legacy side received from 127.0.0.1:") && t.contains("\nINVITE sip:"));
        String all = String.join("\n", lines);
        for (String sdp : List.of(in.localSdp(), in.remoteSdp())) {
            Matcher key = Pattern.compile("inline:([A-Za-z0-9+/=]{20,})").matcher(sdp);
            while (key.find()) {
                assertThat(all).as("SRTP key in the log").doesNotContain(key.group(1));
            }
        }
        assertThat(traced).anyMatch(t -> t.contains("inline:<redacted>"));

        assertThat(post("/trace?peer=127.0.0.1&on=false").statusCode()).isEqualTo(200);
        assertThat(get("/trace").body()).contains("[]");
        assertThat(post("/trace?peer=not-an-ip").statusCode()).isEqualTo(400);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(post("/metrics").statusCode()).isEqualTo(405);

        // an inbound TLS handshake that fails: a client that does not trust the gateway's certificate (the JDK's
        // default trust store knows nothing of the test CA) aborts; the gateway counts it as an inbound failure
        assertThat(get("/metrics").body()).doesNotContain("securetrunk_tls_handshake_failures_total{direction=\"inbound\"");
        try (javax.net.ssl.SSLSocket untrusting = (javax.net.ssl.SSLSocket) javax.net.ssl.SSLSocketFactory.getDefault()
                .createSocket("127.0.0.1", gateway.secureTlsPort())) {
            untrusting.setSoTimeout(5000);
            assertThatThrownBy(untrusting::startHandshake).isInstanceOf(java.io.IOException.class);
        }
        String failedScrape = get("/metrics").body();
        String inboundFailure = "securetrunk_tls_handshake_failures_total{direction=\"inbound\",reason=\"handshake-error\"}";
        long failDeadline = System.nanoTime() + WAIT.toNanos();
        while (!(sample(failedScrape, inboundFailure) >= 1.0) && System.nanoTime() < failDeadline) {
            Thread.sleep(50);
            failedScrape = get("/metrics").body();
        }
        assertThat(sample(failedScrape, inboundFailure)).as(failedScrape).isEqualTo(1.0);

        gateway.close();
        gateway = null;
    }
}
