package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.SessionId;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ng control listener: a UDP socket on its own thread (never a media loop, since allocating a session
 * waits for socket binds on the media loops), framing, a reply cache for retransmitted cookies, and
 * {@link NgCommands} behind it.
 */
public final class NgServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NgServer.class);
    private static final int REPLY_CACHE = 4096;
    /**
     * Largest UDP payload: Netty's datagram default of 2048 bytes cut every longer command (an offer with video or
     * many codecs) into a bencode error. rtpengine reads up to 64 KiB too; the SDP limits bound the work after that.
     */
    static final int MAX_DATAGRAM = 65535;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ng", true),
            NioIoHandler.newFactory());
    private final NgCommands commands;
    private final Channel channel;
    private final Map<String, byte[]> replies = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REPLY_CACHE;
        }
    };

    public NgServer(MediaRelay relay, String advertisedAddress, InetSocketAddress listen) throws InterruptedException {
        this.commands = new NgCommands(relay, advertisedAddress);
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                        byte[] reply = handle(ByteBufUtil.getBytes(p.content()));
                        if (reply != null) {
                            ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), p.sender()));
                        }
                    }
                }).bind(listen).sync().channel();
    }

    /** The command layer, e.g. to hand it the relay's timeout events. */
    public NgCommands commands() {
        return commands;
    }

    /** Forwards a relay timeout to the command layer on the control thread. */
    public void sessionTimedOut(SessionId id) {
        group.execute(() -> commands.timedOut(id));
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** One datagram in, one reply out (null when even a cookie could not be read). */
    byte[] handle(byte[] datagram) {
        NgFrame frame;
        try {
            frame = NgFrame.parse(datagram);
        } catch (IllegalArgumentException e) {
            log.warn("ng: dropped a datagram: {}", e.getMessage());
            return null;
        }
        byte[] cached = replies.get(frame.cookie());
        if (cached != null) {
            return cached;
        }
        Map<String, Object> out;
        try {
            Object req = Bencode.decode(frame.body(), frame.bodyOffset());
            out = commands.handle(req);
        } catch (BencodeException e) {
            out = NgCommands.error("Could not decode bencode dictionary: " + e.getMessage());
        }
        if ("error".equals(out.get("result"))) {
            log.info("ng: request {} failed: {}", frame.cookie(), out.get("error-reason"));
        }
        byte[] reply = NgFrame.reply(frame.cookie(), Bencode.encode(out));
        replies.put(frame.cookie(), reply);
        return reply;
    }

    @Override
    public void close() {
        // bounded: a shutdown hook must never hang the process, whatever state the control thread is in
        channel.close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                .awaitUninterruptibly(3, java.util.concurrent.TimeUnit.SECONDS);
    }
}
