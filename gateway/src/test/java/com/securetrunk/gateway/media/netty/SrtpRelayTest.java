package com.securetrunk.gateway.media.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SrtpKeys;
import com.securetrunk.gateway.media.StreamPorts;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.srtp.Jitsi;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Plain RTP on leg A (the PBX), SDES-SRTP on leg B (the secure domain), over real loopback UDP. Everything
 * the relay sends to B is decoded by jitsi-srtp, and everything B sends is encoded by jitsi-srtp.
 */
class SrtpRelayTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SessionId id = new SessionId("srtp-call");
    private NettyMediaRelay relay;
    private UdpPeer pbx;
    private UdpPeer secure;
    private StreamPorts ports;
    private MasterKey relayKey;  // relay -> secure
    private MasterKey secureKey; // secure -> relay

    @BeforeEach
    void start() throws Exception {
        relay = new NettyMediaRelay(RelayConfig.loopback(24400, 24599).withQuarantine(Duration.ZERO).withEventLoops(1), null);
        pbx = new UdpPeer();
        secure = new UdpPeer();
    }

    @AfterEach
    void stop() {
        relay.close();
        pbx.close();
        secure.close();
    }

    static MasterKey key(SrtpSuite suite) {
        byte[] m = new byte[suite.keyMaterialLength()];
        RANDOM.nextBytes(m);
        return MasterKey.fromKeyMaterial(suite, m);
    }

    private LegSpec secureLeg() {
        return LegSpec.srtp(secure.address(), new SrtpKeys(relayKey, secureKey));
    }

    private void bridge(SrtpSuite suite) {
        relayKey = key(suite);
        secureKey = key(suite);
        ports = relay.allocate(id, 1).streams().get(0);
        relay.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()), secureLeg())));
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void plainRtpComesOutAsSrtpThatJitsiDecodesToTheExactPacket(SrtpSuite suite) throws Exception {
        bridge(suite);
        Jitsi decoder = Jitsi.receiver(relayKey);
        for (int seq = 0; seq < 30; seq++) {
            byte[] plain = seq == 29 ? Rtp.dtmf(seq, 0x5150) : Rtp.pcmuPacket(seq, 0x5150);
            pbx.send(plain, ports.a().rtp());
            byte[] srtp = secure.receive(2000);
            assertThat(srtp).as("SRTP packet %d", seq).isNotNull();
            assertThat(srtp.length).isEqualTo(plain.length + suite.srtpTagLength());
            assertThat(Arrays.copyOf(srtp, 12)).as("header in the clear").isEqualTo(Arrays.copyOf(plain, 12));
            assertThat(Arrays.copyOfRange(srtp, 12, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 12, plain.length));
            assertThat(decoder.unprotectRtp(srtp)).as("jitsi decodes packet %d", seq).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void srtpFromTheSecureSideComesOutAsThePlainPacket(SrtpSuite suite) throws Exception {
        bridge(suite);
        Jitsi encoder = Jitsi.sender(secureKey);
        for (int seq = 0; seq < 30; seq++) {
            byte[] plain = Rtp.pcmuPacket(seq, 0xabcdef);
            secure.send(encoder.protectRtp(plain), ports.b().rtp());
            assertThat(pbx.receive(2000)).as("plain packet %d", seq).isEqualTo(plain);
        }
        LegStats b = relay.stats(id).streams().get(0).b();
        assertThat(b.packetsIn()).isEqualTo(30);
        assertThat(b.bytesIn()).isEqualTo(30L * (172 + suite.srtpTagLength()));
    }

    @Test
    void rtcpBecomesSrtcpAndBack() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        try (UdpPeer secureRtcp = new UdpPeer(); UdpPeer pbxRtcp = new UdpPeer()) {
            relay.update(id, List.of(new StreamSpec(
                    LegSpec.plain(pbx.address()).withRemote(pbx.address(), pbxRtcp.address()),
                    secureLeg().withRemote(secure.address(), secureRtcp.address()))));
            byte[] sr = Rtp.senderReport(0x1234, 10);
            pbxRtcp.send(sr, ports.a().rtcp());
            byte[] srtcp = secureRtcp.receive(2000);
            assertThat(srtcp).isNotNull();
            assertThat(srtcp.length).as("E|index word + 80-bit tag even for _32").isEqualTo(sr.length + 4 + 10);
            assertThat(Jitsi.receiver(relayKey).unprotectRtcp(srtcp)).isEqualTo(sr);

            byte[] rr = Rtp.senderReport(0x9876, 3);
            secureRtcp.send(Jitsi.sender(secureKey).protectRtcp(rr), ports.b().rtcp());
            assertThat(pbxRtcp.receive(2000)).isEqualTo(rr);
        }
    }

    @Test
    void rtcpMuxCarriesSrtcpOnTheRtpPort() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        try (UdpPeer pbxRtcp = new UdpPeer()) {
            relay.update(id, List.of(new StreamSpec(
                    LegSpec.plain(pbx.address()).withRemote(pbx.address(), pbxRtcp.address()),
                    secureLeg().withRtcpMux(true))));
            byte[] sr = Rtp.senderReport(0x4321, 1);
            secure.send(Jitsi.sender(secureKey).protectRtcp(sr), ports.b().rtp());
            assertThat(pbxRtcp.receive(2000)).isEqualTo(sr);
            pbx.send(sr, ports.a().rtcp());
            byte[] muxed = secure.receive(2000);
            assertThat(Jitsi.receiver(relayKey).unprotectRtcp(muxed)).isEqualTo(sr);
            byte[] plain = Rtp.pcmuPacket(1, 0x4321);
            secure.send(Jitsi.sender(secureKey).protectRtp(plain), ports.b().rtp());
            assertThat(pbx.receive(2000)).isEqualTo(plain);
        }
    }

    @Test
    void authenticationFailuresAndReplaysAreDroppedCountedAndNeverLatched() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        Jitsi encoder = Jitsi.sender(secureKey);
        byte[] first = encoder.protectRtp(Rtp.pcmuPacket(0, 77));
        secure.send(first, ports.b().rtp());
        assertThat(pbx.receive(2000)).isNotNull();

        secure.send(first, ports.b().rtp());                                   // replay
        byte[] forged = encoder.protectRtp(Rtp.pcmuPacket(1, 77));
        forged[40] ^= 1;                                                        // flipped payload bit
        try (UdpPeer attacker = new UdpPeer()) {
            attacker.send(forged, ports.b().rtp());                             // auth failure from elsewhere
            attacker.send(Rtp.pcmuPacket(2, 77), ports.b().rtp());              // plain RTP on an SRTP leg
            attacker.send(new byte[] {(byte) 0x80, 0, 0}, ports.b().rtp());     // short
            byte[] v1 = encoder.protectRtp(Rtp.pcmuPacket(3, 77));
            v1[0] = 0x40;
            attacker.send(v1, ports.b().rtp());                                 // wrong version
            assertThat(pbx.receive(300)).as("nothing forwarded").isNull();
            byte[] out = Rtp.pcmuPacket(0, 5);
            pbx.send(out, ports.a().rtp());
            assertThat(attacker.receive(300)).as("relay did not latch to the attacker").isNull();
            assertThat(Jitsi.receiver(relayKey).unprotectRtp(secure.receive(2000))).isEqualTo(out);
        }
        LegStats b = relay.stats(id).streams().get(0).b();
        assertThat(b.replays()).isEqualTo(1);
        assertThat(b.authFailures()).isEqualTo(2);
        assertThat(b.tooShort()).isEqualTo(1);
        assertThat(b.badVersion()).isEqualTo(1);
        assertThat(b.packetsIn()).isEqualTo(1);
        assertThat(b.latches()).isZero();
    }

    @Test
    void authenticatedPacketsFromANewAddressMoveTheLatchAndANewSsrcJustWorks() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        Jitsi encoder = Jitsi.sender(secureKey);
        Jitsi decoder = Jitsi.receiver(relayKey);
        secure.send(encoder.protectRtp(Rtp.pcmuPacket(10, 1)), ports.b().rtp());
        assertThat(pbx.receive(2000)).isNotNull();
        try (UdpPeer moved = new UdpPeer()) {
            byte[] plain = Rtp.pcmuPacket(700, 2); // new SSRC after a transfer, from a new address
            moved.send(encoder.protectRtp(plain), ports.b().rtp());
            assertThat(pbx.receive(2000)).isEqualTo(plain);
            byte[] out = Rtp.pcmuPacket(1, 9);
            pbx.send(out, ports.a().rtp());
            assertThat(decoder.unprotectRtp(moved.receive(2000))).isEqualTo(out);
        }
        LegStats b = relay.stats(id).streams().get(0).b();
        assertThat(b.ssrcChanges()).isEqualTo(1);
        assertThat(b.latches()).isEqualTo(1);
    }

    @Test
    void aNewSsrcFromThePbxGetsItsOwnSrtpContextAndJitsiDecodesBoth() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        Jitsi decoder = Jitsi.receiver(relayKey);
        for (int seq = 0; seq < 5; seq++) {
            byte[] p = Rtp.pcmuPacket(seq, 0x1000);
            pbx.send(p, ports.a().rtp());
            assertThat(decoder.unprotectRtp(secure.receive(2000))).isEqualTo(p);
        }
        for (int seq = 40000; seq < 40005; seq++) { // transfer: new SSRC, unrelated sequence numbers
            byte[] p = Rtp.pcmuPacket(seq, 0x2000);
            pbx.send(p, ports.a().rtp());
            assertThat(decoder.unprotectRtp(secure.receive(2000))).as("new SSRC packet %d", seq).isEqualTo(p);
        }
        assertThat(relay.stats(id).streams().get(0).a().ssrcChanges()).isEqualTo(1);
    }

    @Test
    void reKeyMidCallLosesNothingBeyondTheSwitch() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        Jitsi oldEncoder = Jitsi.sender(secureKey);
        Jitsi oldDecoder = Jitsi.receiver(relayKey);
        int seq = 0;
        for (; seq < 20; seq++) {
            byte[] p = Rtp.pcmuPacket(seq, 11);
            pbx.send(p, ports.a().rtp());
            assertThat(oldDecoder.unprotectRtp(secure.receive(2000))).isEqualTo(p);
            byte[] q = Rtp.pcmuPacket(seq, 22);
            secure.send(oldEncoder.protectRtp(q), ports.b().rtp());
            assertThat(pbx.receive(2000)).isEqualTo(q);
        }
        // a packet protected with the old key is still in flight when the re-INVITE completes
        byte[] late = oldEncoder.protectRtp(Rtp.pcmuPacket(seq, 22));
        MasterKey newRelayKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        MasterKey newSecureKey = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        relay.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()),
                LegSpec.srtp(secure.address(), new SrtpKeys(newRelayKey, newSecureKey)))));
        secure.send(late, ports.b().rtp());
        assertThat(pbx.receive(2000)).as("old-key packet in flight at the switch").isEqualTo(Rtp.pcmuPacket(seq, 22));
        seq++;
        Jitsi newEncoder = Jitsi.sender(newSecureKey);
        Jitsi newDecoder = Jitsi.receiver(newRelayKey);
        for (int end = seq + 20; seq < end; seq++) {
            byte[] p = Rtp.pcmuPacket(seq, 11);
            pbx.send(p, ports.a().rtp());
            assertThat(newDecoder.unprotectRtp(secure.receive(2000))).as("new key, packet %d", seq).isEqualTo(p);
            byte[] q = Rtp.pcmuPacket(seq, 22);
            secure.send(newEncoder.protectRtp(q), ports.b().rtp());
            assertThat(pbx.receive(2000)).isEqualTo(q);
        }
        LegStats b = relay.stats(id).streams().get(0).b();
        assertThat(b.dropped()).isZero();
        assertThat(b.packetsIn()).isEqualTo(41);
        assertThat(b.packetsOut()).isEqualTo(40);
    }

    @Test
    void holdAndResumeKeepTheSrtpContextsRunning() throws Exception {
        bridge(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        Jitsi decoder = Jitsi.receiver(relayKey);
        pbx.send(Rtp.pcmuPacket(0, 3), ports.a().rtp());
        assertThat(decoder.unprotectRtp(secure.receive(2000))).isNotNull();
        relay.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()),
                secureLeg().withDirection(com.securetrunk.gateway.media.Direction.INACTIVE))));
        pbx.send(Rtp.pcmuPacket(1, 3), ports.a().rtp());
        assertThat(secure.receive(300)).isNull();
        relay.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()), secureLeg())));
        byte[] p = Rtp.pcmuPacket(2, 3);
        pbx.send(p, ports.a().rtp());
        // the same jitsi context (same rollover state and replay window) accepts it: the relay kept its sender
        assertThat(decoder.unprotectRtp(secure.receive(2000))).isEqualTo(p);
    }
}
