package com.securetrunk.gateway.app;

import static com.securetrunk.gateway.app.CallChecks.ended;
import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals and policies end to end: Secure Media rules with status and Warning, the PBX allow-list, certificate
 * checks toward the secure domain (wildcard strict/tolerate, expired, unknown CA), failover, CANCEL, limits,
 * digest authentication. After every test no media session or port is left.
 */
class GatewayPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SipUa pbx;
    private final List<SecureDomain> domains = new ArrayList<>();
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        CallChecks.closeLeavingNothing(gateway);
        domains.forEach(SecureDomain::close);
        CallChecks.closeAll(pbx);
    }

    private SecureDomain domain(SecureDomain.Config c) throws Exception {
        SecureDomain d = SecureDomain.start(c.name("domain-" + domains.size()));
        domains.add(d);
        return d;
    }

    private void startGateway(String targets, String extra) throws Exception {
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        gateway = GatewayFixture.start(dir, pbx.port(Transport.UDP),
                "secure-domain { targets = [ " + targets + " ] }\n" + extra);
    }

    private static String target(SecureDomain d) {
        return "{ host = \"domain.sip.example.test\", port = " + d.tlsPort() + " }";
    }

    private Call pbxCall(String user) {
        return pbx.call(CallRequest.to("sip:" + user + "@127.0.0.1:" + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP)));
    }

    private void assertNoMediaLeft() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gateway.relay().sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.relay().sessionCount()).isZero();
    }

    // ---------------------------------------------------------------- Secure Media rules (calls from the domain)

    @Test
    void secureDomainOfferingPlainRtpIsRefusedWith488AndWarningNamingTheRule() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "");
        Call c = d.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";transport=tls")
                .transport(Transport.TLS).from("+15550100"));
        EndReason r = ended(c);
        assertThat(r.kind()).isEqualTo(EndReason.Kind.REJECTED);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("Warning: 399 ").containsIgnoringCase("SRTP").contains("twilio-secure");
        assertNoMediaLeft();
    }

    @Test
    void secureDomainOfferWhoseOnlyKeyCarriesAnMkiIsRefused() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "");
        Call c = d.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";transport=tls")
                .transport(Transport.TLS).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .rewriteOffer(sdp -> sdp.replaceAll("(a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/=]+)", "$1|1:4")));
        EndReason r = ended(c);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("Warning: 399 ").contains("MKI");
        assertNoMediaLeft();
    }

    @Test
    void secureDomainOfferWithOnlyAnUnsupportedSuiteIsRefused() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "");
        Call c = d.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";transport=tls")
                .transport(Transport.TLS).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .rewriteOffer(sdp -> sdp.replace("AES_CM_128_HMAC_SHA1_80", "F8_128_HMAC_SHA1_80")));
        EndReason r = ended(c);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("Warning: 399 ").contains("F8_128_HMAC_SHA1_80");
        assertNoMediaLeft();
    }

    // ---------------------------------------------------------------- legacy side policy

    @Test
    void pbxFromAnAddressNotAllowedGets403WithWarning() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "pbx.allowed-sources = [ \"192.0.2.0/24\" ]");
        EndReason r;
        try (com.securetrunk.gateway.tls.LogCapture log = new com.securetrunk.gateway.tls.LogCapture("com.securetrunk.gateway.sip.refusals")) {
            r = ended(pbxCall("+15551230001"));
            assertThat(log.messagesContaining("pbx-allowed-sources")).as("one log line per refusal").hasSize(1);
        }
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("Warning: 399 ").contains("pbx.allowed-sources");
        assertNoMediaLeft();
    }

    @Test
    void callsBeyondMaxConcurrentCallsGet503() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        startGateway(target(d), "limits.max-concurrent-calls = 1");
        AtomicReference<Call> ringing = new AtomicReference<>();
        d.onIncomingCall(ringing::set);
        Call first = pbxCall("+15551230001");
        assertThat(first.awaitState(CallState.RINGING, WAIT)).isTrue();
        EndReason r = ended(pbxCall("+15551230002"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).contains("max-concurrent-calls");
        first.hangup();
        ended(first);
        assertNoMediaLeft();
    }

    // ---------------------------------------------------------------- CANCEL, failover, digest

    @Test
    void cancelWhileRingingReachesTheSecureDomainAndFreesTheMedia() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        startGateway(target(d), "");
        AtomicReference<Call> ringing = new AtomicReference<>();
        d.onIncomingCall(ringing::set);
        Call c = pbxCall("+15551230001");
        assertThat(c.awaitState(CallState.RINGING, WAIT)).as("ringing: %s", c).isTrue();
        assertThat(ringing.get()).isNotNull();
        c.hangup();
        assertThat(ended(ringing.get()).kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(ended(c).kind()).isEqualTo(EndReason.Kind.LOCAL_HANGUP);
        assertNoMediaLeft();
    }

    @Test
    void a503FromTheFirstTargetFailsOverToTheNext() throws Exception {
        SecureDomain busy = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        busy.onIncomingCall(call -> call.reject(503, "Service Unavailable"));
        SecureDomain good = domain(SecureDomain.config());
        startGateway(target(busy) + ", " + target(good), "");
        Call c = pbxCall("+15551230001");
        assertThat(c.awaitState(CallState.ANSWERED, WAIT)).as("answered by the second target: %s", c).isTrue();
        assertThat(good.ua().calls()).hasSize(1);
        assertThat(busy.ua().calls()).hasSize(1);
        c.hangup();
        ended(c);
        assertNoMediaLeft();
    }

    @Test
    void aRedirectFromTheSecureDomainReachesThePbxWithItsContactsPointingBackAtTheGateway() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        d.onIncomingCall(call -> call.redirect(302, "Moved Temporarily",
                "<sips:+15559990000@carrier.example.test:5061;transport=tls>;q=0.7", "<sip:carrier.example.test>",
                "<tel:+15559990001>", "<sip:evil%0d%0aX@carrier.example.test>"));
        startGateway(target(d), "");
        EndReason r = ended(pbxCall("+15551230001"));
        assertThat(r.status()).as("the 3xx itself, not 480").isEqualTo(302);
        var resp = pbx.received().take(m -> !m.isRequest() && m.status() == 302, WAIT).orElseThrow().message();
        int port = gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP);
        List<String> contacts = resp.headers("Contact").stream().flatMap(h -> java.util.Arrays.stream(h.split(",(?=\\s*<)")))
                .map(String::trim).toList(); // one Contact line with a comma-separated list, or several lines
        assertThat(contacts).as("numbers kept, hosts replaced by the gateway's; no user part or odd ones dropped")
                .containsExactly("<sip:+15559990000@127.0.0.1:" + port + ">", "<sip:+15559990001@127.0.0.1:" + port + ">");
        assertNoMediaLeft();
    }

    @Test
    void aRedirectWithoutAUsableContactIs480AsBefore() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        d.onIncomingCall(call -> call.redirect(302, "Moved Temporarily", "<sip:carrier.example.test>"));
        startGateway(target(d), "");
        assertThat(ended(pbxCall("+15551230001")).status()).isEqualTo(480);
        assertNoMediaLeft();
    }

    @Test
    void digestChallengeFromTheSecureDomainIsAnsweredWithConfiguredCredentials() throws Exception {
        SecureDomain d = domain(SecureDomain.config().credential("trunk-user", "s3cret-pw"));
        startGateway(target(d), "secure-domain.digest { username = \"trunk-user\", password = \"s3cret-pw\" }");
        try (com.securetrunk.gateway.tls.LogCapture log = new com.securetrunk.gateway.tls.LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
            Call c = pbxCall("+15551230001");
            assertThat(c.awaitState(CallState.ANSWERED, WAIT)).as("answered after digest: %s", c).isTrue();
            c.hangup();
            ended(c);
            assertThat(log.messagesContaining("digest credentials")).hasSize(1);
            assertThat(log.messagesContaining("s3cret-pw")).as("the password never reaches a log").isEmpty();
        }
        assertNoMediaLeft();
    }

    @Test
    void wrongDigestCredentialsEndTheCallWith403() throws Exception {
        SecureDomain d = domain(SecureDomain.config().credential("trunk-user", "s3cret-pw"));
        startGateway(target(d), "secure-domain.digest { username = \"trunk-user\", password = \"wrong\" }");
        EndReason r = ended(pbxCall("+15551230001"));
        assertThat(r.status()).isEqualTo(403);
        assertNoMediaLeft();
    }

    // ---------------------------------------------------------------- certificates of the secure domain

    private void strictProfile() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("twilio-strict.conf"), """
                extends = twilio-secure
                identity.description = "twilio-secure with wildcard certificates refused (RFC 5922 section 7.2)"
                signalling.tls.wildcard-policy = strict
                """);
    }

    @Test
    void wildcardCertificateUnderStrictIsRefusedNamingRfc5922() throws Exception {
        strictProfile();
        SecureDomain d = domain(SecureDomain.config().certificate(TestPki.Leaf.WILDCARD));
        startGateway(target(d), "profiles.directory = \"" + dir.resolve("profiles") + "\"\nsecure-domain.profile = twilio-strict");
        EndReason r = ended(pbxCall("+15551230001"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).contains("RFC 5922");
        assertThat(d.ua().calls()).isEmpty();
        assertNoMediaLeft();
    }

    @Test
    void wildcardCertificateUnderTolerateCompletesTheCall() throws Exception {
        SecureDomain d = domain(SecureDomain.config().certificate(TestPki.Leaf.WILDCARD));
        startGateway(target(d), ""); // twilio-secure tolerates wildcards (Twilio's own advice)
        Call c = pbxCall("+15551230001");
        assertThat(c.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", c).isTrue();
        c.hangup();
        ended(c);
        assertNoMediaLeft();
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        SecureDomain d = domain(SecureDomain.config().certificate(TestPki.Leaf.EXPIRED));
        startGateway(target(d), "");
        EndReason r = ended(pbxCall("+15551230001"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).containsIgnoringCase("expired");
        assertThat(d.ua().calls()).isEmpty();
        assertNoMediaLeft();
    }

    @Test
    void unknownCaCertificateIsRefused() throws Exception {
        SecureDomain d = domain(SecureDomain.config().certificate(TestPki.Leaf.UNKNOWN_CA));
        startGateway(target(d), "");
        EndReason r = ended(pbxCall("+15551230001"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(d.ua().calls()).isEmpty();
        assertNoMediaLeft();
    }

    @Test
    void optionsAreAnsweredOnTheLegacySide() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "");
        int port = gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP);
        var resp = pbx.options("sip:securetrunk@127.0.0.1:" + port, Transport.UDP,
                new java.net.InetSocketAddress("127.0.0.1", port)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.header("Allow")).contains("INVITE", "BYE", "CANCEL", "OPTIONS");
    }

    @Test
    void invitesBeyondTheRatePerSourceGet503() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        startGateway(target(d), "limits.invite-rate-per-source = 1");
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(pbxCall("+1555123000" + i)); // a burst: more than one per second from one source
        }
        Call refused = null;
        for (Call c : calls) {
            if (c.awaitState(CallState.RINGING, Duration.ofSeconds(5)) || c.state() != CallState.ENDED) {
                continue;
            }
            refused = c;
        }
        assertThat(refused).as("one INVITE of the burst refused: %s", calls).isNotNull();
        EndReason r = refused.endReason().orElseThrow();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).contains("invite-rate-per-source");
        for (Call c : calls) {
            c.hangup();
        }
        for (Call c : calls) {
            ended(c);
        }
        assertNoMediaLeft();
    }

    @Test
    void gracefulShutdownRefusesNewCallsThenEndsCallsInProgressWithBye() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(target(d), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        d.onIncomingCall(incoming::set);
        Call up = pbxCall("+15551230001");
        assertThat(up.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        Thread stopper = new Thread(() -> gateway.shutdown(Duration.ofSeconds(2)));
        stopper.start();
        Thread.sleep(300);
        EndReason refused = ended(pbxCall("+15551230002"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text()).contains("shutting down");
        assertThat(up.state()).as("the call in progress goes on during the grace period").isEqualTo(CallState.ANSWERED);
        assertThat(ended(up).kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertThat(ended(incoming.get()).kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        stopper.join(10_000);
    }
}
