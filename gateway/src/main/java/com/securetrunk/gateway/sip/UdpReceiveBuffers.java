package com.securetrunk.gateway.sip;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.invoke.VarHandle;
import javax.sip.ListeningPoint;

/**
 * Sizes the packet JAIN-SIP RI allocates for every datagram it receives.
 *
 * <p>The RI's UDP reader allocates a new {@code byte[MAX_MESSAGE_SIZE]} (up to 64 KiB) per datagram and fills it by
 * {@code DatagramSocket.receive}: with our 64 KiB message limit that was 27 % of everything the gateway allocated at
 * 300 calls/s (JFR allocation samples), i.e. more young collections and pauses. Our {@code GuardedDatagramSocket}
 * receives every datagram whole into its own reused buffer anyway and copies it into the RI's packet, replacing the
 * packet's array with one of the exact size when a (rare) datagram is larger; so the RI's packet can be small.
 */
final class UdpReceiveBuffers {
    /** Holds a typical INVITE with SDP (1-3 KB); larger datagrams get an array of their own size. */
    static final int PACKET_BYTES = 4096;

    private static final VarHandle MAX_MESSAGE_SIZE = RiFields.find(UDPMessageProcessor.class, "maxMessageSize", int.class,
            "each datagram still costs the RI a packet of MAX_MESSAGE_SIZE bytes");

    private UdpReceiveBuffers() {
    }

    /** For a UDP listening point whose socket is a {@code GuardedDatagramSocket}: the RI's packets get PACKET_BYTES. */
    static void shrink(ListeningPoint lp) {
        if (MAX_MESSAGE_SIZE != null && lp instanceof ListeningPointImpl impl
                && impl.getMessageProcessor() instanceof UDPMessageProcessor udp) {
            MAX_MESSAGE_SIZE.setVolatile(udp, PACKET_BYTES);
        }
    }

    /** The packet size the RI's reader of {@code lp} allocates (for tests). */
    static int packetBytes(ListeningPoint lp) {
        MessageProcessor p = ((ListeningPointImpl) lp).getMessageProcessor();
        return (int) MAX_MESSAGE_SIZE.getVolatile((UDPMessageProcessor) p);
    }
}
