package com.securetrunk.gateway.media.netty;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll when it loads (Linux), NIO otherwise: the event loop group and the matching datagram channel. */
record Transport(String name, IoHandlerFactory ioHandler, ChannelFactory<? extends DatagramChannel> channels) {

    /**
     * @param ipv6 false for an IPv4 bind address: plain AF_INET sockets, so the kernel takes the IPv4 UDP path
     *             instead of IPv6 with v4-mapped addresses (measurably cheaper per packet here)
     */
    static Transport choose(boolean preferEpoll, boolean ipv6) {
        SocketProtocolFamily family = ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        if (preferEpoll && Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), () -> new EpollDatagramChannel(family));
        }
        return new Transport("nio", NioIoHandler.newFactory(), () -> new NioDatagramChannel(family));
    }

    EventLoopGroup newGroup(int threads, String prefix) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(prefix, true), ioHandler);
    }
}
