package com.securetrunk.gateway.app;

import static com.securetrunk.gateway.app.CallChecks.assertClean;
import static com.securetrunk.gateway.app.CallChecks.ended;
import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.tls.LogCapture;
import com.securetrunk.testpbx.media.AudioFault;
import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.CryptoLine;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipMessage;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.UaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call flows of issue #7 beyond set-up and hang-up, end to end with the simulators: SDES re-key from either
 * side, a media address change by re-INVITE, the media inactivity timeout, Timer B toward the secure domain (408,
 * failover, 503) and OPTIONS keep-alives per profile. Audio is checked sample by sample; after every test no media
 * session or port is left.
 */
class CallFlowsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Short T1 so Timer B/F (64 * T1) runs out in 3.2 s instead of 32 s. */
    private static final String SHORT_T1 = "sip.timer-t1 = 50ms\n";

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

    // ---------------------------------------------------------------- set-up helpers

    private SecureDomain domain(SecureDomain.Config c) throws Exception {
        SecureDomain d = SecureDomain.start(c.name("domain-" + domains.size()));
        domains.add(d);
        return d;
    }

    private static String target(SecureDomain d) {
        return "{ host = \"domain.sip.example.test\", port = " + d.tlsPort() + " }";
    }

    private void startGateway(UaConfig pbxConfig, String targets, String extra) throws Exception {
        pbx = SipUa.start(pbxConfig.name("pbx").ports(0, 0, -1));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                "secure-domain { targets = [ " + targets + " ] }\n" + extra);
    }

    private void start(String extra) throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(UaConfig.pbx(), target(d), extra);
    }

    private String gatewayLegacyUri(String user) {
        return "sip:" + user + "@127.0.0.1:" + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP);
    }

    /** PBX -> gateway -> first secure domain, answered; [PBX's call, secure domain's call]. */
    private Call[] connect(CallRequest request) throws Exception {
        AtomicReference<Call> incoming = new AtomicReference<>();
        domains.get(0).onIncomingCall(incoming::set);
        Call out = pbx.call(request);
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        return new Call[] {out, in};
    }

    private Call[] connect() throws Exception {
        return connect(CallRequest.to(gatewayLegacyUri("+15551230007")));
    }

    private void hangUpAndCheckNothingLeft(Call hangsUp, Call other) throws Exception {
        hangsUp.hangup();
        assertThat(other.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertNoMediaLeft();
    }

    private void assertNoMediaLeft() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        // the relay forgets a session first, then closes its sockets on the event loop, then returns the ports
        while ((gateway.relay().sessionCount() > 0 || gateway.b2bua().activeCalls() > 0
                || gateway.relay().pool().inUse() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.relay().sessionCount()).as("media sessions left after the call").isZero();
        assertThat(gateway.relay().pool().inUse()).as("media ports still allocated").isZero();
        assertThat(gateway.b2bua().activeCalls()).as("calls left").isZero();
    }

    /**
     * The call-log lines containing {@code text}, once there is one (or after {@link #WAIT}): the end line is written
     * just after the call leaves the call table and the relay, so it may trail the checks that see those empty.
     */
    private static java.util.List<String> endLines(LogCapture calls, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls.messagesContaining(text).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return calls.messagesContaining(text);
    }

    private SessionId session() {
        return gateway.b2bua().sessionIds().get(0);
    }

    /**
     * The audio received since {@code before} kept matching the far side's signal sample for sample: at least
     * {@code minFrames} more frames matched, nothing corrupted or unrecognised, and at most {@code maxLost} packets
     * missing or dropped (the unavoidable ones at a key switch, see the callers).
     */
    private static void assertContinues(AudioReport before, AudioReport after, long minFrames, long maxLost, String who) {
        String s = who + ": before " + before.summary() + "; after " + after.summary();
        assertThat(after.framesMatched() - before.framesMatched()).as(s).isGreaterThanOrEqualTo(minFrames);
        assertThat(after.framesCorrupted()).as(s).isZero();
        assertThat(after.unrecognised()).as(s).isZero();
        assertThat(after.lost() + after.dropped() - before.lost() - before.dropped()).as(s).isLessThanOrEqualTo(maxLost);
    }

    private static byte[] cryptoKey(String sdp) throws Exception {
        Matcher m = Pattern.compile("a=crypto:([^\r\n]+)").matcher(sdp);
        assertThat(m.find()).as("crypto line in %s", sdp).isTrue();
        return CryptoLine.parse(m.group(1)).firstKey();
    }

    private static int mediaPort(String sdp) {
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(m.find()).as("m=audio in %s", sdp).isTrue();
        return Integer.parseInt(m.group(1));
    }

    // ---------------------------------------------------------------- 1. SDES re-key

    @Test
    void secureDomainRekeysByReInviteAndAudioStaysSampleAccurateBothWays() throws Exception {
        start("");
        Call[] c = connect();
        Call out = c[0];
        Call in = c[1];
        Thread.sleep(600);
        byte[] domainKeyBefore = cryptoKey(in.localSdp());
        byte[] gatewayKeyBefore = cryptoKey(in.remoteSdp());
        AudioReport pbxBefore = out.audioReport();
        AudioReport domainBefore = in.audioReport();

        SipMessage ok = in.rekey().get(10, TimeUnit.SECONDS);

        assertThat(ok.status()).as(ok.firstLine()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("RTP/SAVP").containsOnlyOnce("a=crypto:");
        assertThat(cryptoKey(in.localSdp())).as("the domain offered a new key").isNotEqualTo(domainKeyBefore);
        // RFC 4568 section 7.1.4: new or same; this gateway answers a changed key with a new one of its own
        assertThat(cryptoKey(ok.bodyText())).as("the gateway's answer carries a new key").isNotEqualTo(gatewayKeyBefore);
        Thread.sleep(1500); // longer than the simulator's one-second tolerance of the old key
        // toward the PBX: the relay takes the domain's new key from the offer, before the domain switches: lossless
        assertContinues(pbxBefore, out.audioReport(), 60, 0, "PBX hears the secure domain across its re-key");
        // toward the domain: the relay sends under its new key from its answer on; packets that overtake the 200 OK
        // cannot be read by any offerer yet (RFC 4568 section 7.1.4), so a couple may be missing at the switch
        assertContinues(domainBefore, in.audioReport(), 60, 3, "secure domain hears the PBX under the new keys");
        var legs = gateway.relay().stats(session()).streams().get(0);
        assertThat(legs.b().authFailures()).as("secure-leg SRTP authentication failures at the relay").isZero();
        hangUpAndCheckNothingLeft(in, out);
    }

    @Test
    void pbxRekeysItsSrtpLegAndTheSecureDomainKeepsItsKeysAndContexts() throws Exception {
        start("");
        Call[] c = connect(CallRequest.to(gatewayLegacyUri("+15551230008")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        Call out = c[0];
        Call in = c[1];
        assertThat(out.remoteSdp()).as("the PBX leg is SRTP (asterisk-chan_sip: srtp optional)").contains("RTP/SAVP", "a=crypto:");
        Thread.sleep(600);
        byte[] gatewayKeyTowardDomain = cryptoKey(in.remoteSdp());
        byte[] gatewayKeyTowardPbx = cryptoKey(out.remoteSdp());
        AudioReport pbxBefore = out.audioReport();
        AudioReport domainBefore = in.audioReport();

        SipMessage ok = out.rekey().get(10, TimeUnit.SECONDS);

        assertThat(ok.status()).as(ok.firstLine()).isEqualTo(200);
        assertThat(cryptoKey(ok.bodyText())).as("new key of the gateway toward the PBX").isNotEqualTo(gatewayKeyTowardPbx);
        // the re-INVITE passed on to the domain re-offers the same key: the domain keeps its SRTP contexts and ROC
        assertThat(in.remoteSdp()).as("the domain got the re-INVITE").isNotNull();
        assertThat(cryptoKey(in.remoteSdp())).as("key offered to the domain unchanged").isEqualTo(gatewayKeyTowardDomain);
        Thread.sleep(1500);
        assertContinues(domainBefore, in.audioReport(), 60, 0, "secure domain hears the PBX across the PBX's re-key");
        assertContinues(pbxBefore, out.audioReport(), 60, 3, "PBX hears the secure domain under the new keys");
        var legs = gateway.relay().stats(session()).streams().get(0);
        assertThat(legs.a().authFailures()).as("PBX-leg SRTP authentication failures at the relay").isZero();
        assertThat(legs.b().authFailures()).as("secure-leg SRTP authentication failures at the relay").isZero();
        hangUpAndCheckNothingLeft(out, in);
    }

    // ---------------------------------------------------------------- 2. re-INVITE with a new media address

    @Test
    void pbxMovesItsMediaToANewPortByReInviteAndTheRelaySendsThere() throws Exception {
        start("");
        Call[] c = connect();
        Call out = c[0];
        Call in = c[1];
        Thread.sleep(500);
        int oldPort = out.mediaPort();
        AudioReport domainBefore = in.audioReport();

        SipMessage ok = out.moveMedia().get(10, TimeUnit.SECONDS);

        assertThat(ok.status()).isEqualTo(200);
        int newPort = out.mediaPort();
        assertThat(newPort).isNotEqualTo(oldPort);
        assertThat(mediaPort(out.localSdp())).isEqualTo(newPort);
        assertThat(gateway.relay().rtpDestination(session(), 0, false).getPort())
                .as("the relay sends to the PBX's new port (symmetric RTP is off: from SDP only)").isEqualTo(newPort);
        Thread.sleep(1500); // the old port is closed 300 ms after the switch
        assertClean(out.audioReport(), "PBX hears the secure domain on its new port");
        assertThat(out.audioReport().framesMatched()).isGreaterThan(80);
        assertContinues(domainBefore, in.audioReport(), 60, 0, "secure domain hears the PBX sending from its new port");
        hangUpAndCheckNothingLeft(out, in);
    }

    @Test
    void secureDomainMovesItsSrtpMediaToANewPortByReInviteAndTheRelaySendsThere() throws Exception {
        start("");
        Call[] c = connect();
        Call out = c[0];
        Call in = c[1];
        Thread.sleep(500);
        int oldPort = in.mediaPort();
        byte[] keyBefore = cryptoKey(in.remoteSdp());
        AudioReport pbxBefore = out.audioReport();

        SipMessage ok = in.moveMedia().get(10, TimeUnit.SECONDS);

        assertThat(ok.status()).isEqualTo(200);
        int newPort = in.mediaPort();
        assertThat(newPort).isNotEqualTo(oldPort);
        assertThat(cryptoKey(ok.bodyText())).as("same key, same SRTP contexts across the move").isEqualTo(keyBefore);
        assertThat(gateway.relay().rtpDestination(session(), 0, true).getPort())
                .as("the relay sends to the domain's new port").isEqualTo(newPort);
        Thread.sleep(1500);
        assertClean(in.audioReport(), "secure domain hears the PBX on its new port");
        assertContinues(pbxBefore, out.audioReport(), 60, 0, "PBX hears the secure domain sending from its new port");
        hangUpAndCheckNothingLeft(in, out);
    }

    // ---------------------------------------------------------------- 3. media inactivity timeout

    @Test
    void noMediaForTheInactivityTimeoutEndsTheCallWithByeOnBothLegsAndSaysWhy() throws Exception {
        SecureDomain d = domain(SecureDomain.config().answerAudioFault(AudioFault.SILENT));
        try (LogCapture calls = new LogCapture(com.securetrunk.gateway.app.calllog.CallLog.LOGGER)) {
            startGateway(UaConfig.pbx(), target(d), "media.inactivity-timeout = 1s\n");
            long t0 = System.nanoTime();
            Call[] c = connect(CallRequest.to(gatewayLegacyUri("+15551230009")).audioFault(AudioFault.SILENT));
            Call out = c[0];
            Call in = c[1];
            assertThat(out.awaitState(CallState.ENDED, WAIT)).as("PBX leg ended: %s", out).isTrue();
            assertThat(in.awaitState(CallState.ENDED, WAIT)).as("secure leg ended: %s", in).isTrue();
            assertThat(System.nanoTime() - t0).as("not before the timeout").isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(out.endReason().orElseThrow().kind()).as("BYE to the PBX").isEqualTo(EndReason.Kind.REMOTE_HANGUP);
            assertThat(in.endReason().orElseThrow().kind()).as("BYE to the secure domain").isEqualTo(EndReason.Kind.REMOTE_HANGUP);
            assertNoMediaLeft();
            assertThat(gateway.relay().pool().inUse()).as("media ports still allocated").isZero();
            assertThat(endLines(calls, "reason=media-timeout")).as(calls.messages().toString()).hasSize(1);
            assertThat(gateway.metrics().scrape()).contains("securetrunk_calls_ended_total{reason=\"media-timeout\"} 1.0");
        }
    }

    @Test
    void theMediaTimeoutIsNotHeldUpByAKeepAliveToATargetThatNeverCompletesItsTlsHandshake() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("twilio-secure.conf"), """
                extends = twilio-secure
                signalling.keep-alive-interval = 200ms
                """);
        // accepts TCP connections (the kernel's backlog) and never says a word: each TLS connect hangs until the
        // handshake timeout
        try (java.net.ServerSocket blackHole = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1).answerAudioFault(AudioFault.SILENT));
            gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                    "secure-domain { targets = [ { host = \"blackhole.example.test\", port = " + blackHole.getLocalPort()
                            + " } ] }\nmedia.inactivity-timeout = 1s\nlimits.tls-handshake-timeout = 8s\n"
                            + "profiles.directory = \"" + profiles + "\"\n");
            Thread.sleep(500); // a keep-alive toward the black hole is under way
            AtomicReference<Call> incoming = new AtomicReference<>();
            pbx.onIncomingCall(incoming::set);
            Call out = d.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true")
                    .from("+15550100").stripSecureParam(true).transport(com.securetrunk.testpbx.sip.Transport.TLS)
                    .srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80).audioFault(AudioFault.SILENT));
            assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
            long answered = System.nanoTime();
            assertThat(out.awaitState(CallState.ENDED, WAIT)).as("ended by the media timeout: %s", out).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered))
                    .as("BYE about 1 s after the last packet, not after a keep-alive's 8 s TLS handshake timeout")
                    .isLessThan(4000L);
            assertThat(incoming.get().awaitState(CallState.ENDED, WAIT)).isTrue();
            assertNoMediaLeft();
        }
    }

    @Test
    void mediaFlowingInOneDirectionOnlyKeepsTheCallUp() throws Exception {
        SecureDomain d = domain(SecureDomain.config().answerAudioFault(AudioFault.SILENT));
        startGateway(UaConfig.pbx(), target(d), "media.inactivity-timeout = 1s\n");
        Call[] c = connect();
        Thread.sleep(2500);
        assertThat(c[0].state()).as("PBX leg").isEqualTo(CallState.ANSWERED);
        assertThat(c[1].state()).as("secure leg").isEqualTo(CallState.ANSWERED);
        assertClean(c[1].audioReport(), "secure domain hears the PBX");
        hangUpAndCheckNothingLeft(c[0], c[1]);
    }

    // ---------------------------------------------------------------- 4. Timer B toward the secure domain

    @Test
    void aSecureDomainThatNeverAnswersTheInviteGives408AfterTimerB() throws Exception {
        SecureDomain mute = domain(SecureDomain.config());
        mute.ua().ignoreRequests("INVITE");
        startGateway(UaConfig.pbx(), target(mute), SHORT_T1);
        long t0 = System.nanoTime();
        Call c = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230010")));
        assertThat(c.awaitState(CallState.ENDED, WAIT)).as("ended: %s", c).isTrue();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        EndReason r = c.endReason().orElseThrow();
        assertThat(r.status()).as(r.toString()).isEqualTo(408);
        assertThat(r.text()).contains("Timer B");
        assertThat(ms).as("Timer B = 64 * T1 = 3.2 s").isBetween(3000L, 8000L);
        assertThat(mute.ua().requestsReceived("INVITE")).as("the INVITE reached the domain").isPositive();
        assertNoMediaLeft();
    }

    @Test
    void aTargetThatTimesOutFailsOverToTheNextWhichAnswers() throws Exception {
        SecureDomain mute = domain(SecureDomain.config());
        mute.ua().ignoreRequests("INVITE");
        SecureDomain good = domain(SecureDomain.config());
        startGateway(UaConfig.pbx(), target(mute) + ", " + target(good), SHORT_T1);
        AtomicReference<Call> incoming = new AtomicReference<>();
        good.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230011")));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered by the second target: %s", out).isTrue();
        assertThat(mute.ua().requestsReceived("INVITE")).isPositive();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        Thread.sleep(1200);
        assertClean(out.audioReport(), "PBX hears the second target");
        assertClean(in.audioReport(), "second target hears the PBX");
        hangUpAndCheckNothingLeft(out, in);
    }

    @Test
    void everyTargetTimingOutGives503() throws Exception {
        SecureDomain mute1 = domain(SecureDomain.config());
        SecureDomain mute2 = domain(SecureDomain.config());
        mute1.ua().ignoreRequests("INVITE");
        mute2.ua().ignoreRequests("INVITE");
        startGateway(UaConfig.pbx(), target(mute1) + ", " + target(mute2), SHORT_T1);
        Call c = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230012")));
        assertThat(c.awaitState(CallState.ENDED, Duration.ofSeconds(15))).as("ended: %s", c).isTrue();
        EndReason r = c.endReason().orElseThrow();
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(mute1.ua().requestsReceived("INVITE")).isPositive();
        assertThat(mute2.ua().requestsReceived("INVITE")).isPositive();
        assertNoMediaLeft();
    }

    // ---------------------------------------------------------------- 4b. Timer C: a callee that never answers

    @Test
    void aSecureDomainThatRingsForeverIsCancelledAfterTheInviteTimeoutAndThePbxGets408() throws Exception {
        SecureDomain d = domain(SecureDomain.config().autoAnswer(false, Duration.ZERO));
        try (LogCapture calls = new LogCapture(com.securetrunk.gateway.app.calllog.CallLog.LOGGER)) {
            startGateway(UaConfig.pbx(), target(d), "sip.invite-timeout = 2s\n");
            AtomicReference<Call> ringing = new AtomicReference<>();
            d.onIncomingCall(ringing::set);
            long t0 = System.nanoTime();
            Call out = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230011")));
            assertThat(out.awaitState(CallState.RINGING, WAIT)).as("ringing: %s", out).isTrue();
            EndReason r = ended(out);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("not before sip.invite-timeout")
                    .isGreaterThanOrEqualTo(2000L);
            assertThat(r.kind()).isEqualTo(EndReason.Kind.REJECTED);
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("Warning: 399", "sip.invite-timeout");
            assertThat(ended(ringing.get()).kind()).as("the secure domain got a CANCEL").isEqualTo(EndReason.Kind.CANCELLED);
            assertNoMediaLeft();
            assertThat(endLines(calls, "reason=invite-timeout")).as(calls.messages().toString()).hasSize(1);
        }
    }

    @Test
    void aPbxThatOnlySays100TryingIsCancelledAfterTheInviteTimeoutAndTheSecureDomainGets408() throws Exception {
        SecureDomain d = domain(SecureDomain.config());
        startGateway(UaConfig.pbx().autoAnswer(false, Duration.ZERO).ringing(false), target(d),
                "sip.invite-timeout = 2s\n");
        AtomicReference<Call> incoming = new AtomicReference<>();
        pbx.onIncomingCall(incoming::set);
        Call out = d.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true")
                .from("+15550100").stripSecureParam(true).transport(com.securetrunk.testpbx.sip.Transport.TLS)
                .srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        EndReason r = ended(out);
        assertThat(r.status()).as("%s", r).isEqualTo(408);
        assertThat(r.text()).contains("sip.invite-timeout");
        assertThat(incoming.get()).as("the PBX saw the INVITE").isNotNull();
        assertThat(ended(incoming.get()).kind()).as("a CANCEL after only 100 Trying (RFC 3261 section 9.1)")
                .isEqualTo(EndReason.Kind.CANCELLED);
        assertNoMediaLeft();
    }

    // ---------------------------------------------------------------- 5. OPTIONS keep-alives

    @Test
    void optionsKeepAlivesGoToEachPeerAtItsProfileIntervalAndAPeerThatStopsAnsweringIsLogged() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("twilio-secure.conf"), """
                extends = twilio-secure
                signalling.keep-alive-interval = 500ms
                """);
        Files.writeString(profiles.resolve("asterisk-chan_sip.conf"), """
                extends = asterisk-chan_sip
                signalling.keep-alive-interval = 1s
                """);
        SecureDomain d = domain(SecureDomain.config());
        try (LogCapture log = new LogCapture(com.securetrunk.gateway.sip.B2bua.class)) {
            startGateway(UaConfig.pbx(), target(d), SHORT_T1 + "profiles.directory = \"" + profiles + "\"\n");
            // the first keep-alive to the domain waits for the TLS connection; count from there on
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((d.ua().requestsReceived("OPTIONS") == 0 || pbx.requestsReceived("OPTIONS") == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long domain0 = d.ua().requestsReceived("OPTIONS");
            long pbx0 = pbx.requestsReceived("OPTIONS");
            assertThat(domain0).as("first OPTIONS to the secure domain").isPositive();
            assertThat(pbx0).as("first OPTIONS to the PBX").isPositive();
            Thread.sleep(3000);
            long toDomain = d.ua().requestsReceived("OPTIONS") - domain0;
            long toPbx = pbx.requestsReceived("OPTIONS") - pbx0;
            assertThat(toDomain).as("OPTIONS to the secure domain every 500 ms, over 3 s").isBetween(5L, 7L);
            assertThat(toPbx).as("OPTIONS to the PBX every 1 s, over 3 s").isBetween(2L, 4L);
            assertThat(gateway.b2bua().keepAlivePeers()).hasSize(2).doesNotContainValue(false);

            d.ua().ignoreRequests("OPTIONS");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (log.messagesContaining("does not answer OPTIONS").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(log.messagesContaining("does not answer OPTIONS")).as(log.messages().toString()).hasSize(1)
                    .allSatisfy(m -> assertThat(m).startsWith("secure peer tls:domain.sip.example.test").contains("Timer F"));
            assertThat(gateway.b2bua().keepAlivePeers()).containsValue(false).containsValue(true);
            Thread.sleep(1500);
            assertThat(log.messagesContaining("does not answer OPTIONS")).as("one line per change, not per keep-alive").hasSize(1);

            d.ua().ignoreRequests();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (log.messagesContaining("answers OPTIONS keep-alives again").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(log.messagesContaining("answers OPTIONS keep-alives again")).hasSize(1);
            assertThat(gateway.b2bua().keepAlivePeers()).doesNotContainValue(false);
        }
        assertThat(Arrays.asList(pbx.requestsReceived("INVITE"))).containsExactly(0L);
    }
}
