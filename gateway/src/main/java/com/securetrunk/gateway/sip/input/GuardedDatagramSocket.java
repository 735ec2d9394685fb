package com.securetrunk.gateway.sip.input;

import com.securetrunk.gateway.sip.Transport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;

/**
 * A SIP UDP listener's socket whose {@link #receive} hands the stack only datagrams the {@link InputGuard} passes,
 * answering or dropping the rest itself.
 *
 * <p>Each datagram is received whole into a 64 KiB buffer of ours, not into the stack's packet: the kernel silently
 * cuts a datagram to fit the buffer it is received into, so an oversized message would arrive looking merely
 * malformed; and the stack's packet is kept small (UdpReceiveBuffers), a passing datagram larger than it is handed
 * over in an array of its own size. A refusal goes back to the datagram's source address and port, never to
 * the Via's sent-by (RFC 3261 section 18.2.2 allows either with rport; the source is what cannot be aimed at a third
 * party). Runs on the stack's single UDP reader thread, which then also pays for the check.
 */
public final class GuardedDatagramSocket extends DatagramSocket {
    private static final int MAX_DATAGRAM = 65_535;

    private final InputGuard guard;
    private final byte[] buffer = new byte[MAX_DATAGRAM];
    private final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);

    public GuardedDatagramSocket(int port, InetAddress bindAddress, InputGuard guard) throws SocketException {
        super(port, bindAddress);
        this.guard = guard;
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        synchronized (packet) { // the stack has one reader per socket; this only keeps the shared buffer safe regardless
            while (true) {
                packet.setData(buffer, 0, buffer.length);
                super.receive(packet);
                int n = packet.getLength();
                Verdict v = guard.inspect(buffer, n, true);
                if (v.passes()) {
                    if (n <= p.getData().length - p.getOffset()) {
                        System.arraycopy(buffer, 0, p.getData(), p.getOffset(), n);
                        p.setLength(n);
                    } else { // larger than the stack's (small, see UdpReceiveBuffers) packet: an array of its own size
                        p.setData(java.util.Arrays.copyOf(buffer, n));
                    }
                    p.setSocketAddress(packet.getSocketAddress());
                    return;
                }
                byte[] response = guard.refuse(v, Transport.UDP, packet.getSocketAddress(), getLocalAddress());
                if (response != null) {
                    try {
                        send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                    } catch (IOException e) {
                        // unreachable source: nothing more to do for a message we refused
                    }
                }
            }
        }
    }
}
