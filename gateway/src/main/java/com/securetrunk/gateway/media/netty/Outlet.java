package com.securetrunk.gateway.media.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Sends packets of one leg's socket to one destination without allocating: one direct buffer and one
 * {@link DatagramPacket} are built when the destination is set and reused for every packet. The packet holds
 * an unreleasable view of the buffer, so Netty's release after the send is a no-op (no reference-count atomics
 * per packet); the buffer is only rewritten when the previous write has left the channel (a full socket buffer
 * drops the packet and counts it instead). {@link #free()} releases the buffer itself.
 */
final class Outlet {
    static final int CAPACITY = 2048;

    private final ByteBuf buf = Unpooled.directBuffer(CAPACITY, CAPACITY);
    private final ByteBuf view = Unpooled.unreleasableBuffer(buf);
    private Channel channel;
    private DatagramPacket packet;

    /** Points the outlet at {@code dest} through {@code ch}; null {@code dest} = nowhere to send yet. */
    void target(Channel ch, InetSocketAddress dest) {
        this.channel = ch;
        this.packet = dest == null ? null : new DatagramPacket(view, dest);
    }

    InetSocketAddress destination() {
        return packet == null ? null : packet.recipient();
    }

    /** @return false when the packet could not be handed to the socket (no destination, closed, backlog) */
    boolean send(byte[] data, int off, int len) {
        DatagramPacket p = packet;
        Channel ch = channel;
        if (p == null || ch == null || !ch.isActive() || len > CAPACITY) {
            return false;
        }
        ChannelOutboundBuffer pending = ch.unsafe().outboundBuffer();
        if (pending == null || !pending.isEmpty()) {
            return false;
        }
        buf.setBytes(0, data, off, len);
        buf.setIndex(0, len);
        ch.writeAndFlush(p, ch.voidPromise());
        return true;
    }

    void free() {
        packet = null;
        channel = null;
        if (buf.refCnt() > 0) {
            buf.release(buf.refCnt());
        }
    }
}
