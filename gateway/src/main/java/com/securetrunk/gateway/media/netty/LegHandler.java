package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.srtp.PacketBuffer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/** Thin Netty adapter: hands each datagram of one leg socket (RTP or RTCP port) to its {@link RelayLeg}. */
final class LegHandler extends ChannelInboundHandlerAdapter {
    private final RelayLeg leg;
    private final boolean rtcpPort;
    private final PacketBuffer scratch;

    LegHandler(RelayLeg leg, boolean rtcpPort, PacketBuffer loopScratch) {
        this.leg = leg;
        this.rtcpPort = rtcpPort;
        this.scratch = loopScratch;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket p) {
            try {
                if (rtcpPort) {
                    leg.onRtcpPort(p.content(), p.sender(), scratch);
                } else {
                    leg.onRtpPort(p.content(), p.sender(), scratch);
                }
            } finally {
                p.release();
            }
        } else {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send (e.g. ICMP port unreachable surfacing as an error) must not close a media socket;
        // the drop is already counted by the leg. Nothing is logged on the packet path.
    }
}
