package com.securetrunk.gateway.media.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.gateway.media.Allocation;
import com.securetrunk.gateway.media.Direction;
import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.MediaException;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.StreamPorts;
import com.securetrunk.gateway.media.StreamSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RTP/AVP on both legs over real loopback UDP: forwarding, latching, SSRC changes, hold, drops, timeout, release. */
class PlainRelayTest {
    private static final int PORT_MIN = 24000;
    private static final int PORT_MAX = 24199;

    private final List<String> timeouts = new CopyOnWriteArrayList<>();
    private NettyMediaRelay relay;
    private UdpPeer pbx;
    private UdpPeer secure;
    private final SessionId id = new SessionId("call-1");
    private StreamPorts ports;

    @BeforeEach
    void start() throws Exception {
        relay = new NettyMediaRelay(RelayConfig.loopback(PORT_MIN, PORT_MAX).withQuarantine(Duration.ZERO)
                .withIdleTimeout(Duration.ofMillis(400)).withEventLoops(2), (sid, idle) -> timeouts.add(sid.value()));
        pbx = new UdpPeer();
        secure = new UdpPeer();
    }

    @AfterEach
    void stop() {
        relay.close();
        pbx.close();
        secure.close();
    }

    private void bridge(LegSpec a, LegSpec b) {
        Allocation alloc = relay.allocate(id, 1);
        ports = alloc.streams().get(0);
        relay.update(id, List.of(new StreamSpec(a, b)));
    }

    @Test
    void forwardsRtpBothWaysByteForByteIncludingMarkerTimestampAndTelephoneEvent() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        assertThat(relay.transportName()).isEqualTo("epoll");
        assertThat(ports.a().rtp() % 2).isZero();
        assertThat(ports.a().rtcp()).isEqualTo(ports.a().rtp() + 1);
        for (int seq = 0; seq < 20; seq++) {
            byte[] out = Rtp.pcmuPacket(seq, 0x11111111);
            pbx.send(out, ports.a().rtp());
            assertThat(secure.receive(2000)).as("packet %d A->B", seq).isEqualTo(out);
            byte[] back = Rtp.pcmuPacket(seq, 0x22222222);
            secure.send(back, ports.b().rtp());
            assertThat(pbx.receive(2000)).as("packet %d B->A", seq).isEqualTo(back);
        }
        byte[] dtmf = Rtp.dtmf(20, 0x11111111);
        pbx.send(dtmf, ports.a().rtp());
        assertThat(secure.receive(2000)).isEqualTo(dtmf);
        LegStats a = relay.stats(id).streams().get(0).a();
        assertThat(a.packetsIn()).isEqualTo(21);
        assertThat(a.bytesIn()).isEqualTo(20 * 172 + 16);
        assertThat(a.packetsOut()).isEqualTo(20);
        assertThat(relay.stats(id).streams().get(0).b().packetsOut()).isEqualTo(21);
        assertThat(a.lost()).isZero();
    }

    @Test
    void theNioFallbackForwardsTheSameWay() throws Exception {
        try (NettyMediaRelay nio = new NettyMediaRelay(RelayConfig.loopback(24220, 24239).withQuarantine(Duration.ZERO)
                .withEventLoops(1).withPreferEpoll(false), null)) {
            assertThat(nio.transportName()).isEqualTo("nio");
            StreamPorts p = nio.allocate(id, 1).streams().get(0);
            nio.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()))));
            byte[] out = Rtp.pcmuPacket(1, 0x11111111);
            pbx.send(out, p.a().rtp());
            assertThat(secure.receive(2000)).isEqualTo(out);
            byte[] back = Rtp.dtmf(2, 0x22222222);
            secure.send(back, p.b().rtp());
            assertThat(pbx.receive(2000)).isEqualTo(back);
        }
    }

    @Test
    void forwardsRtcpBetweenTheOddPorts() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        // the SDP said RTCP is on port+1 of the peer; the relay latches to where RTCP really comes from
        UdpPeer secureRtcp = new UdpPeer();
        try {
            secureRtcp.send(Rtp.senderReport(0x22222222, 1), ports.b().rtcp());
            byte[] sr = Rtp.senderReport(0x11111111, 5);
            pbx.send(sr, ports.a().rtcp());
            assertThat(pbx.receive(300)).as("RTCP goes to A's RTCP address, not its RTP socket").isNull();
            assertThat(secureRtcp.receive(2000)).isEqualTo(sr);
        } finally {
            secureRtcp.close();
        }
    }

    @Test
    void latchesToTheAddressMediaReallyComesFrom() throws Exception {
        UdpPeer sdpOnly = new UdpPeer(); // what the SDP claimed: a NATed peer never receives there
        try {
            bridge(LegSpec.plain(pbx.address()), LegSpec.plain(sdpOnly.address()));
            secure.send(Rtp.pcmuPacket(0, 0x22222222), ports.b().rtp());
            assertThat(pbx.receive(2000)).isNotNull();
            byte[] out = Rtp.pcmuPacket(1, 0x11111111);
            pbx.send(out, ports.a().rtp());
            assertThat(secure.receive(2000)).isEqualTo(out);
            assertThat(sdpOnly.receive(200)).isNull();
            assertThat(relay.rtpDestination(id, 0, true)).isEqualTo(secure.address());

            // a transfer: a new source with a new SSRC takes over the leg
            try (UdpPeer transferred = new UdpPeer()) {
                transferred.send(Rtp.pcmuPacket(500, 0x33333333), ports.b().rtp());
                assertThat(pbx.receive(2000)).isNotNull();
                byte[] next = Rtp.pcmuPacket(2, 0x11111111);
                pbx.send(next, ports.a().rtp());
                assertThat(transferred.receive(2000)).isEqualTo(next);
                assertThat(secure.receive(200)).isNull();
            }
            LegStats b = relay.stats(id).streams().get(0).b();
            assertThat(b.latches()).isEqualTo(2);
            assertThat(b.ssrcChanges()).isEqualTo(1);
        } finally {
            sdpOnly.close();
        }
    }

    @Test
    void plainLegDoesNotFollowAStrangerReusingTheCurrentSsrc() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        secure.send(Rtp.pcmuPacket(0, 0x22222222), ports.b().rtp());
        assertThat(pbx.receive(2000)).isNotNull();
        try (UdpPeer stranger = new UdpPeer()) {
            stranger.send(Rtp.pcmuPacket(1, 0x22222222), ports.b().rtp());
            assertThat(pbx.receive(2000)).isNotNull();
            byte[] out = Rtp.pcmuPacket(3, 0x11111111);
            pbx.send(out, ports.a().rtp());
            assertThat(secure.receive(2000)).isEqualTo(out);
            assertThat(stranger.receive(200)).isNull();
        }
    }

    @Test
    void newSsrcJustWorksAndStartsFreshLossAccounting() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        for (int seq = 100; seq < 105; seq++) {
            pbx.send(Rtp.pcmuPacket(seq, 0x11111111), ports.a().rtp());
            assertThat(secure.receive(2000)).isNotNull();
        }
        for (int seq = 7; seq < 10; seq++) {
            byte[] p = Rtp.pcmuPacket(seq, 0x44444444);
            pbx.send(p, ports.a().rtp());
            assertThat(secure.receive(2000)).isEqualTo(p);
        }
        pbx.send(Rtp.pcmuPacket(12, 0x44444444), ports.a().rtp()); // 10 and 11 lost
        assertThat(secure.receive(2000)).isNotNull();
        LegStats a = relay.stats(id).streams().get(0).a();
        assertThat(a.ssrcChanges()).isEqualTo(1);
        assertThat(a.lost()).isEqualTo(2);
        assertThat(a.packetsIn()).isEqualTo(9);
    }

    @Test
    void holdStopsMediaTowardsTheHeldPeerAndResumeRestartsItWithoutNewPorts() throws Exception {
        LegSpec a = LegSpec.plain(pbx.address());
        LegSpec b = LegSpec.plain(secure.address());
        bridge(a, b);
        pbx.send(Rtp.pcmuPacket(0, 1), ports.a().rtp());
        assertThat(secure.receive(2000)).isNotNull();
        relay.update(id, List.of(new StreamSpec(a, b.withDirection(Direction.SENDONLY))));
        pbx.send(Rtp.pcmuPacket(1, 1), ports.a().rtp());
        assertThat(secure.receive(300)).isNull();
        byte[] moh = Rtp.pcmuPacket(0, 2);
        secure.send(moh, ports.b().rtp());
        assertThat(pbx.receive(2000)).isEqualTo(moh);
        relay.update(id, List.of(new StreamSpec(a, b)));
        byte[] p = Rtp.pcmuPacket(2, 1);
        pbx.send(p, ports.a().rtp());
        assertThat(secure.receive(2000)).isEqualTo(p);
    }

    @Test
    void newRemoteAddressFromAReInviteTakesEffectImmediately() throws Exception {
        LegSpec a = LegSpec.plain(pbx.address());
        bridge(a, LegSpec.plain(secure.address()).withLatching(false));
        try (UdpPeer moved = new UdpPeer()) {
            relay.update(id, List.of(new StreamSpec(a, LegSpec.plain(moved.address()).withLatching(false))));
            byte[] p = Rtp.pcmuPacket(0, 1);
            pbx.send(p, ports.a().rtp());
            assertThat(moved.receive(2000)).isEqualTo(p);
            assertThat(secure.receive(200)).isNull();
        }
    }

    @Test
    void dropsAndCountsShortGarbageAndWrongVersionPackets() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        pbx.send(new byte[] {(byte) 0x80, 0, 1}, ports.a().rtp());                 // short
        byte[] v1 = Rtp.pcmuPacket(1, 1);
        v1[0] = 0x40;
        pbx.send(v1, ports.a().rtp());                                               // version 1
        byte[] stun = new byte[20];
        stun[1] = 0x01;
        pbx.send(stun, ports.a().rtp());                                             // version 0 (STUN)
        pbx.send(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ports.a().rtcp()); // RTCP port, PT 0
        byte[] ok = Rtp.pcmuPacket(2, 1);
        pbx.send(ok, ports.a().rtp());
        assertThat(secure.receive(2000)).isEqualTo(ok);
        assertThat(secure.receive(200)).isNull();
        LegStats a = relay.stats(id).streams().get(0).a();
        assertThat(a.tooShort()).isEqualTo(1);
        assertThat(a.badVersion()).isEqualTo(2);
        assertThat(a.garbage()).isEqualTo(1);
        assertThat(a.packetsIn()).isEqualTo(1);
        assertThat(relay.totals().dropped()).isEqualTo(4);
    }

    @Test
    void silentSessionIsReportedOnceAfterTheTimeout() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        pbx.send(Rtp.pcmuPacket(0, 1), ports.a().rtp());
        assertThat(secure.receive(2000)).isNotNull();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (timeouts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(timeouts).containsExactly("call-1");
        Thread.sleep(600);
        assertThat(timeouts).hasSize(1);
    }

    @Test
    void mediaKeepsTheSessionAlive() throws Exception {
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        for (int i = 0; i < 15; i++) { // 15 x 60 ms = 900 ms > 400 ms timeout
            pbx.send(Rtp.pcmuPacket(i, 1), ports.a().rtp());
            assertThat(secure.receive(2000)).isNotNull();
            Thread.sleep(60);
        }
        assertThat(timeouts).isEmpty();
    }

    @Test
    void releaseReturnsEveryPortAndClosesTheSockets() throws Exception {
        int before = relay.pool().available();
        SessionId other = new SessionId("call-2");
        relay.allocate(other, 2);
        bridge(LegSpec.plain(pbx.address()), LegSpec.plain(secure.address()));
        assertThat(relay.pool().available()).isEqualTo(before - 6);
        relay.release(id);
        relay.release(other);
        relay.release(other); // twice is harmless
        assertThat(relay.pool().available()).isEqualTo(before);
        assertThat(relay.sessionCount()).isZero();
        pbx.send(Rtp.pcmuPacket(0, 1), ports.a().rtp());
        assertThat(secure.receive(300)).isNull();
        assertThatThrownBy(() -> relay.stats(id)).isInstanceOf(MediaException.class).hasMessageContaining("call-1");
    }

    @Test
    void refusesWhenThePoolIsExhaustedAndKeepsNothing() {
        try (NettyMediaRelay small = new NettyMediaRelay(RelayConfig.loopback(24200, 24219)
                .withQuarantine(Duration.ZERO).withEventLoops(1), null)) {
            assertThat(small.pool().available()).isEqualTo(10);
            small.allocate(new SessionId("big"), 4);
            assertThatThrownBy(() -> small.allocate(new SessionId("one-more"), 2))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("exhausted")
                    .satisfies(e -> assertThat(((MediaException) e).kind())
                            .isEqualTo(MediaException.Kind.PORTS_EXHAUSTED));
            assertThat(small.sessionCount()).isEqualTo(1);
            assertThat(small.pool().available()).isEqualTo(2);
            small.release(new SessionId("big"));
            assertThat(small.pool().available()).isEqualTo(10);
        }
    }
}
