package com.securetrunk.gateway.media.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SrtpKeys;
import com.securetrunk.gateway.media.StreamPorts;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heap bytes the media event loop allocates per forwarded RTP -> SRTP packet in steady state, read from the
 * JVM's per-thread allocation counter. Our code allocates nothing per packet; what remains is Netty's
 * datagram transport (a DatagramPacket and the sender's InetSocketAddress per read, the address bytes per
 * send). The bound catches a regression that starts allocating per packet in the relay itself.
 */
class PacketPathAllocationTest {
    private static final int BATCH = 50;

    @Test
    void steadyStateAllocationPerPacketStaysAtNettysOwnFloor() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NettyMediaRelay relay = new NettyMediaRelay(RelayConfig.loopback(24600, 24619)
                .withQuarantine(Duration.ZERO).withEventLoops(1), null);
             UdpPeer pbx = new UdpPeer(); UdpPeer secure = new UdpPeer()) {
            SessionId id = new SessionId("alloc");
            StreamPorts ports = relay.allocate(id, 1).streams().get(0);
            relay.update(id, List.of(new StreamSpec(LegSpec.plain(pbx.address()), LegSpec.srtp(secure.address(),
                    new SrtpKeys(SrtpRelayTest.key(SrtpSuite.AES_CM_128_HMAC_SHA1_80),
                            SrtpRelayTest.key(SrtpSuite.AES_CM_128_HMAC_SHA1_80))))));
            Thread loop = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("media-")).findFirst().orElseThrow();
            int seq = 0;
            seq = pump(pbx, secure, ports, seq, 4000); // warm-up: JIT, pools, Netty's recyclers
            long before = mx.getThreadAllocatedBytes(loop.getId());
            int measured = 2000;
            pump(pbx, secure, ports, seq, measured);
            long perPacket = (mx.getThreadAllocatedBytes(loop.getId()) - before) / measured;
            System.out.println("media loop allocation: " + perPacket + " bytes per forwarded packet");
            assertThat(perPacket).isLessThan(400);
        }
    }

    private static int pump(UdpPeer pbx, UdpPeer secure, StreamPorts ports, int seq, int count) throws Exception {
        for (int done = 0; done < count; done += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                pbx.send(Rtp.pcmuPacket(seq++ & 0xffff, 7), ports.a().rtp());
            }
            for (int i = 0; i < BATCH; i++) {
                assertThat(secure.receive(2000)).isNotNull();
            }
        }
        return seq;
    }
}
