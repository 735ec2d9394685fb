package com.securetrunk.gateway.app;

import static com.securetrunk.gateway.app.CallChecks.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.UaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in one JVM: the simulated PBX (plain SIP/RTP) and the simulated secure domain (TLS, SRTP through
 * jitsi-srtp) call each other through the gateway; audio is checked sample by sample in both directions.
 */
class GatewayCallTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SipUa pbx;
    private SecureDomain domain;
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        CallChecks.closeLeavingNothing(gateway);
        CallChecks.closeAll(domain, pbx);
    }

    private void start(SecureDomain.Config domainConfig, String extra) throws Exception {
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        domain = SecureDomain.start(domainConfig.name("domain"));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = " + domain.tlsPort() + " } ] }\n" + extra);
    }

    private String gatewayLegacyUri(String user) {
        return "sip:" + user + "@127.0.0.1:" + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP);
    }

    private void assertNoMediaLeft() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gateway.relay().sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.relay().sessionCount()).as("media sessions left after the call").isZero();
        assertThat(gateway.b2bua().activeCalls()).isZero();
    }

    @Test
    void pbxCallsSecureDomainWithAudioBothWaysAndHangsUp() throws Exception {
        start(SecureDomain.config(), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230001")));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("PBX call answered: %s", out).isTrue();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        assertThat(in.transport()).isEqualTo(com.securetrunk.testpbx.sip.Transport.TLS);
        assertThat(in.remoteSdp()).contains("RTP/SAVP", "a=crypto:").doesNotContain("RTP/AVP ");
        assertThat(out.remoteSdp()).contains("RTP/AVP").doesNotContain("a=crypto");
        out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        assertClean(out.audioReport(), "PBX hears the secure domain");
        assertClean(in.audioReport(), "secure domain hears the PBX");
        out.hangup();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(in.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertNoMediaLeft();
    }

    @Test
    void secureDomainCallsPbxWithSecureTrueOfferingOnlyAes80AndHangsUp() throws Exception {
        start(SecureDomain.config(), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        pbx.onIncomingCall(incoming::set);
        Call out = domain.call("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true");
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("secure-domain call answered: %s", out).isTrue();
        assertThat(out.localSdp()).contains("AES_CM_128_HMAC_SHA1_80").doesNotContain("AES_CM_128_HMAC_SHA1_32");
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        assertThat(in.remoteSdp()).contains("RTP/AVP").doesNotContain("a=crypto");
        out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        assertClean(out.audioReport(), "secure domain hears the PBX");
        assertClean(in.audioReport(), "PBX hears the secure domain");
        in.hangup(); // BYE from the PBX side this time
        assertThat(out.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(out.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertNoMediaLeft();
    }

    private static String direction(String sdp, String dir) {
        String s = sdp.replaceAll("a=(sendrecv|sendonly|recvonly|inactive)\r\n", "");
        return s.replaceFirst("(m=audio[^\r\n]*\r\n)", "$1a=" + dir + "\r\n");
    }

    private Call[] connectPbxToDomain() throws Exception {
        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230009")));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
        Call in = incoming.get();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        return new Call[] {out, in};
    }

    @Test
    void holdAndResumeFromThePbxPassThroughAndStopThenRestartMediaTowardThePbx() throws Exception {
        start(SecureDomain.config(), "");
        Call[] c = connectPbxToDomain();
        Call out = c[0];
        Call in = c[1];
        Thread.sleep(500);
        var hold = pbx.reInvite(out, sdp -> direction(sdp, "sendonly")).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(hold.status()).isEqualTo(200);
        Thread.sleep(200);
        long h1 = out.audioReport().packetsReceived();
        Thread.sleep(600);
        long h2 = out.audioReport().packetsReceived();
        assertThat(h2 - h1).as("packets toward the PBX while it holds (sendonly)").isLessThanOrEqualTo(2);
        var resume = pbx.reInvite(out, sdp -> direction(sdp, "sendrecv")).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(resume.status()).isEqualTo(200);
        Thread.sleep(800);
        assertThat(out.audioReport().packetsReceived() - h2).as("packets toward the PBX after resume").isGreaterThan(20);
        assertClean(in.audioReport(), "secure domain hears the PBX throughout");
        out.hangup();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertNoMediaLeft();
    }

    @Test
    void reInviteFromTheSecureDomainWithItsKeyUnchangedKeepsSrtpContextsAndAudioClean() throws Exception {
        start(SecureDomain.config(), "");
        Call[] c = connectPbxToDomain();
        Call out = c[0];
        Call in = c[1];
        Thread.sleep(500);
        var refresh = domain.ua().reInvite(in, sdp -> sdp).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(refresh.bodyText()).contains("RTP/SAVP", "a=crypto:");
        out.awaitFramesMatched(out.audioReport().framesMatched() + 40, WAIT); // 40 more frames after the change
        in.awaitFramesMatched(in.audioReport().framesMatched() + 40, WAIT); // 40 more frames after the change
        assertClean(out.audioReport(), "PBX hears the secure domain across the re-INVITE");
        assertClean(in.audioReport(), "secure domain hears the PBX across the re-INVITE (same SRTP context and ROC)");
        in.hangup(); // BYE from the secure-domain side
        assertThat(out.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(out.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertNoMediaLeft();
    }

    /** Records the datagrams the gateway sends toward the secure domain's RTP port and forwards them there. */
    private static final class UdpTap implements AutoCloseable {
        final java.net.DatagramSocket socket;
        final java.util.List<byte[]> captured = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile java.net.InetSocketAddress forwardTo;
        private final Thread thread;

        UdpTap() throws java.io.IOException {
            socket = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0));
            thread = new Thread(this::run, "udp-tap");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    if (captured.size() < 200) {
                        captured.add(java.util.Arrays.copyOf(buf, p.getLength()));
                    }
                    if (forwardTo != null) {
                        socket.send(new java.net.DatagramPacket(buf, p.getLength(), forwardTo));
                    }
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static byte[] cryptoKey(String sdp) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=crypto:([^\r\n]+)").matcher(sdp);
        assertThat(m.find()).as("crypto line in %s", sdp).isTrue();
        return com.securetrunk.testpbx.sip.CryptoLine.parse(m.group(1)).firstKey();
    }

    @Test
    void secureLegPacketsAreSrtpOnTheWireDecodableOnlyWithTheNegotiatedKey() throws Exception {
        start(SecureDomain.config(), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        pbx.onIncomingCall(incoming::set);
        try (UdpTap tap = new UdpTap()) {
            Call out = domain.call(CallRequest.to("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true")
                    .from("+15550100").stripSecureParam(true).transport(com.securetrunk.testpbx.sip.Transport.TLS)
                    .srtp(com.securetrunk.testpbx.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                    .rewriteOffer(sdp -> {
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("m=audio (\\d+) ").matcher(sdp);
                        m.find();
                        tap.forwardTo = new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
                        return m.replaceFirst("m=audio " + tap.socket.getLocalPort() + " ");
                    }));
            assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
            Thread.sleep(1200);
            assertClean(incoming.get().audioReport(), "PBX hears the secure domain");
            assertClean(out.audioReport(), "secure domain hears the PBX through the tap");
            byte[] gatewayKey = cryptoKey(out.remoteSdp());
            byte[] wrongKey = gatewayKey.clone();
            wrongKey[0] ^= 1;
            java.util.List<byte[]> packets = java.util.List.copyOf(tap.captured);
            assertThat(packets).hasSizeGreaterThan(20);
            var right = new com.securetrunk.testpbx.media.SrtpProtector(com.securetrunk.testpbx.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80, new byte[30], gatewayKey);
            var wrong = new com.securetrunk.testpbx.media.SrtpProtector(com.securetrunk.testpbx.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80, new byte[30], wrongKey);
            for (byte[] wire : packets) {
                assertThat(wire.length).as("RTP header + 160 bytes of PCMU + 10-byte auth tag").isEqualTo(12 + 160 + 10);
                assertThat(wire[0] & 0xC0).isEqualTo(0x80);
                byte[] clear = wire.clone();
                assertThat(right.unprotect(clear, clear.length)).as("authenticates and decrypts with the negotiated key").isEqualTo(12 + 160);
                assertThat(java.util.Arrays.equals(clear, 12, 172, wire, 12, 172)).as("payload was encrypted on the wire").isFalse();
                byte[] other = wire.clone();
                assertThat(wrong.unprotect(other, other.length)).as("refused under another key").isEqualTo(-1);
            }
            out.hangup();
            assertThat(incoming.get().awaitState(CallState.ENDED, WAIT)).isTrue();
        }
        assertNoMediaLeft();
    }

    @Test
    void pbxOnIpv6LoopbackCallsTheSecureDomainThroughTheIpv6ListeningPoint() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(new java.net.InetSocketAddress(v6, 0))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(probe.isBound());
        } catch (java.io.IOException noIpv6) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no IPv6 loopback here");
        }
        pbx = SipUa.start(UaConfig.pbx().name("pbx6").address(v6).ports(0, 0, -1));
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = " + domain.tlsPort() + " } ] }\n"
                        + "sip.legacy.listen-addresses = [\"127.0.0.1\", \"::1\"]\npbx.allowed-sources = [\"::1\"]\n"
                        + "media.bind-address = \"::\"");
        int v6Port = gateway.legacyListenPoints().stream()
                .filter(lp -> lp.isIpv6() && lp.transport() == com.securetrunk.gateway.sip.Transport.UDP)
                .mapToInt(com.securetrunk.gateway.sip.ListenPoint::port).findFirst().orElseThrow();
        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to("sip:+15551230006@[::1]:" + v6Port));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered over IPv6: %s", out).isTrue();
        Thread.sleep(1000);
        assertClean(incoming.get().audioReport(), "secure domain hears the IPv6 PBX");
        out.hangup();
        assertThat(incoming.get().awaitState(CallState.ENDED, WAIT)).isTrue();
        assertNoMediaLeft();
    }

    @Test
    void earlyMediaFromThePbxFlowsThroughTheRelayBeforeTheAnswer() throws Exception {
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1).earlyMedia(true).autoAnswer(true, Duration.ofMillis(1500)));
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP), "");
        Call out = domain.call("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true");
        assertThat(out.awaitState(CallState.RINGING, WAIT)).isTrue();
        Thread.sleep(700);
        assertThat(out.state()).as("still ringing").isEqualTo(CallState.RINGING);
        assertThat(gateway.relay().sessionCount()).isEqualTo(1);
        var stats = gateway.relay().stats(firstSession());
        assertThat(stats.streams().get(0).a().packetsIn()).as("early media received from the PBX").isGreaterThan(10);
        assertThat(stats.streams().get(0).b().packetsOut()).as("early media sent on toward the secure domain (SRTP)").isGreaterThan(10);
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        out.awaitFramesMatched(out.audioReport().framesMatched() + 40, WAIT); // 40 more frames after the change
        assertClean(out.audioReport(), "secure domain hears the PBX after the answer");
        out.hangup();
        assertNoMediaLeft();
    }

    private com.securetrunk.gateway.media.SessionId firstSession() {
        return gateway.b2bua().sessionIds().get(0);
    }
}
