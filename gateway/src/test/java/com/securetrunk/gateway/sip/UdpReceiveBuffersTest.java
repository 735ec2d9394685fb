package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.ListeningPoint;
import org.junit.jupiter.api.Test;

/**
 * The RI's per-datagram packet is small ({@link UdpReceiveBuffers}), and datagrams of every size up to the message
 * limit still reach the stack whole: OPTIONS of 500 bytes, just over the packet size, and 20 KB, each answered 200
 * over a real UDP socket.
 */
class UdpReceiveBuffersTest {
    private static final String V4 = "127.0.0.1";

    @Test
    void smallPacketsForTheStackAndEveryMessageSizeStillArrivesWhole() throws Exception {
        int port = FreePorts.pick(V4);
        try (SipTestPeer peer = new SipTestPeer(new SipStackSettings("udpbuf", List.of(new ListenPoint(V4, port, Transport.UDP)),
                null, SipStackLimits.defaults()));
             DatagramSocket client = new DatagramSocket(0, InetAddress.getByName(V4))) {
            ListeningPoint lp = peer.handle.provider(Transport.UDP).orElseThrow().getListeningPoint("udp");
            assertThat(UdpReceiveBuffers.packetBytes(lp)).isEqualTo(UdpReceiveBuffers.PACKET_BYTES);
            client.setSoTimeout(5_000);
            int n = 0;
            for (int size : new int[] {500, UdpReceiveBuffers.PACKET_BYTES + 1, 20_000}) {
                String callId = "udpbuf-" + (++n) + "@test";
                byte[] options = options(port, client.getLocalPort(), callId, size);
                assertThat(options.length).isEqualTo(size);
                client.send(new DatagramPacket(options, options.length, InetAddress.getByName(V4), port));
                byte[] buf = new byte[65_535];
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                client.receive(in);
                String response = new String(buf, 0, in.getLength(), StandardCharsets.UTF_8);
                assertThat(response).as("answer to a %d-byte OPTIONS", size).startsWith("SIP/2.0 200").contains(callId);
            }
        }
    }

    /** An OPTIONS of exactly {@code size} bytes (padded by a header of ours). */
    private static byte[] options(int port, int from, String callId, int size) {
        String head = "OPTIONS sip:udpbuf@" + V4 + ":" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + V4 + ":" + from + ";branch=z9hG4bK" + callId.hashCode() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:test@" + V4 + ">;tag=t1\r\n"
                + "To: <sip:udpbuf@" + V4 + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n";
        String padName = "X-Pad: ";
        int pad = size - head.length() - padName.length() - 2 - 2;
        return (head + padName + "x".repeat(pad) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
