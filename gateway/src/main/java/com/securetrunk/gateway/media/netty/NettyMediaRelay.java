package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.media.Allocation;
import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.LocalPorts;
import com.securetrunk.gateway.media.MediaEventListener;
import com.securetrunk.gateway.media.MediaException;
import com.securetrunk.gateway.media.MediaException.Kind;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.PortPool;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SessionStats;
import com.securetrunk.gateway.media.StreamPorts;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.srtp.PacketBuffer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollMode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded relay: one Netty event loop per core, each session pinned to one loop (all its sockets are
 * registered there), ports from a {@link PortPool}. Control calls run on the caller's thread and hand state
 * changes to the session's loop, so the packet path never takes a lock.
 */
public final class NettyMediaRelay implements MediaRelay {
    private static final int SOCKET_BUFFER = 1 << 20;
    private static final long CONTROL_TIMEOUT_SECONDS = 10;
    private static final int BIND_ATTEMPTS = 3;

    private final RelayConfig config;
    private final PortPool pool;
    private final MediaEventListener listener;
    private final Transport transport;
    private final EventLoopGroup group;
    private final Map<SessionId, RelaySession> sessions = new ConcurrentHashMap<>();
    private final Map<EventLoop, PacketBuffer> scratch = new ConcurrentHashMap<>();
    private LegStats releasedTotals = LegStats.ZERO;
    private volatile boolean closed;

    public NettyMediaRelay(RelayConfig config, MediaEventListener listener) {
        this.config = config;
        this.listener = listener == null ? MediaEventListener.NONE : listener;
        this.pool = new PortPool(config.portMin(), config.portMax(), config.quarantine().toMillis());
        this.transport = Transport.choose(config.preferEpoll(), config.bindHost().indexOf(':') >= 0);
        this.group = transport.newGroup(config.loopCount(), "media");
    }

    /** "epoll" or "nio". */
    public String transportName() {
        return transport.name();
    }

    public PortPool pool() {
        return pool;
    }

    @Override
    public Allocation allocate(SessionId id, int streamCount) {
        if (closed) {
            throw new MediaException(Kind.UNAVAILABLE, "relay is closed");
        }
        if (streamCount < 1 || streamCount > 16) {
            throw new MediaException(Kind.BAD_REQUEST, "stream count " + streamCount + " (expected: 1 ~ 16)");
        }
        if (sessions.containsKey(id)) {
            throw new MediaException(Kind.DUPLICATE_SESSION, "session " + id + " is already allocated");
        }
        EventLoop loop = group.next();
        if (loop.inEventLoop()) {
            throw new IllegalStateException("allocate() must not run on a media event loop (it waits for socket binds)");
        }
        PacketBuffer loopScratch = scratch.computeIfAbsent(loop, l -> new PacketBuffer(Outlet.CAPACITY + 64));
        MediaException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int[] ports = pool.allocate(2 * streamCount);
            RelaySession session = new RelaySession(id, loop);
            try {
                List<StreamPorts> out = new ArrayList<>();
                for (int s = 0; s < streamCount; s++) {
                    RelayLeg a = openLeg(session, ports[2 * s], loopScratch);
                    RelayLeg b = openLeg(session, ports[2 * s + 1], loopScratch);
                    a.peer = b;
                    b.peer = a;
                    session.streams.add(new RelayLeg[] {a, b});
                    out.add(new StreamPorts(a.ports, b.ports));
                }
                if (sessions.putIfAbsent(id, session) != null) {
                    onLoop(session, session::close);
                    pool.release(ports);
                    throw new MediaException(Kind.DUPLICATE_SESSION, "session " + id + " is already allocated");
                }
                onLoop(session, () -> {
                    session.startIdleTimer(config.idleTimeout().toNanos(), listener);
                    return null;
                });
                return new Allocation(id, out);
            } catch (MediaException e) {
                if (e.kind() == Kind.DUPLICATE_SESSION) {
                    throw e;
                }
                last = e;
                onLoop(session, session::close);
                pool.release(ports); // a port taken by another process sits out its quarantine
            }
        }
        throw last;
    }

    private RelayLeg openLeg(RelaySession session, int rtpPort, PacketBuffer loopScratch) {
        RelayLeg leg = new RelayLeg(session, new LocalPorts(config.bindHost(), rtpPort, rtpPort + 1));
        leg.rtpChannel = bind(session.loop, rtpPort, new LegHandler(leg, false, loopScratch));
        leg.rtcpChannel = bind(session.loop, rtpPort + 1, new LegHandler(leg, true, loopScratch));
        return leg;
    }

    private Channel bind(EventLoop loop, int port, LegHandler handler) {
        Bootstrap b = new Bootstrap().group(loop).channelFactory(transport.channels()).handler(handler)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(Outlet.CAPACITY));
        if (transport.name().equals("epoll")) {
            // level-triggered: one recvmsg per datagram instead of a second one that only returns EAGAIN
            b.option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        ChannelFuture f = b.bind(new InetSocketAddress(config.bindHost(), port));
        try {
            if (!f.await(CONTROL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
                throw new MediaException(Kind.UNAVAILABLE, "cannot bind UDP " + config.bindHost() + ":" + port
                        + ": " + (f.cause() == null ? "timed out" : f.cause().getMessage()), f.cause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Kind.UNAVAILABLE, "interrupted while binding port " + port, e);
        }
        return f.channel();
    }

    @Override
    public void update(SessionId id, List<StreamSpec> specs) {
        RelaySession session = session(id);
        if (specs.size() != session.streams.size()) {
            throw new MediaException(Kind.BAD_REQUEST, "session " + id + " has " + session.streams.size()
                    + " stream(s) but the update names " + specs.size());
        }
        // key derivation happens here, on the caller's thread; the loop only swaps references
        List<LegCrypto[]> cryptos = new ArrayList<>();
        for (StreamSpec s : specs) {
            cryptos.add(new LegCrypto[] {LegCryptoFactory.create(s.a()), LegCryptoFactory.create(s.b())});
        }
        onLoop(session, () -> {
            for (int i = 0; i < specs.size(); i++) {
                RelayLeg[] legs = session.streams.get(i);
                StreamSpec s = specs.get(i);
                legs[0].apply(s.a(), cryptos.get(i)[0], s.clockRate());
                legs[1].apply(s.b(), cryptos.get(i)[1], s.clockRate());
            }
            return null;
        });
    }

    @Override
    public void release(SessionId id) {
        RelaySession session = sessions.remove(id);
        if (session == null) {
            return;
        }
        LegStats last = onLoop(session, session::close);
        int[] ports = new int[2 * session.streams.size()];
        int i = 0;
        for (RelayLeg[] s : session.streams) {
            ports[i++] = s[0].ports.rtp();
            ports[i++] = s[1].ports.rtp();
        }
        pool.release(ports);
        synchronized (this) {
            releasedTotals = releasedTotals.plus(last);
        }
    }

    @Override
    public SessionStats stats(SessionId id) {
        RelaySession session = session(id);
        return onLoop(session, session::snapshot);
    }

    /** Where the given leg currently sends RTP (SDP address or latched source); for diagnostics and tests. */
    public InetSocketAddress rtpDestination(SessionId id, int stream, boolean legB) {
        RelaySession session = session(id);
        return onLoop(session, () -> session.streams.get(stream)[legB ? 1 : 0].rtpDestination());
    }

    @Override
    public LegStats totals() {
        LegStats t;
        synchronized (this) {
            t = releasedTotals;
        }
        for (RelaySession s : sessions.values()) {
            try {
                t = t.plus(onLoop(s, s::snapshot).total());
            } catch (MediaException e) {
                // released meanwhile: its counters are in releasedTotals
            }
        }
        return t;
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        closed = true;
        for (SessionId id : List.copyOf(sessions.keySet())) {
            release(id);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private RelaySession session(SessionId id) {
        RelaySession s = sessions.get(id);
        if (s == null) {
            throw new MediaException(Kind.UNKNOWN_SESSION, "no media session " + id);
        }
        return s;
    }

    private static <T> T onLoop(RelaySession session, Callable<T> task) {
        if (session.loop.inEventLoop()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new MediaException(Kind.UNAVAILABLE, "session " + session.id + ": " + e.getMessage(), e);
            }
        }
        try {
            return session.loop.submit(task).get(CONTROL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Kind.UNAVAILABLE, "interrupted waiting for session " + session.id, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new MediaException(Kind.UNAVAILABLE, "session " + session.id + ": " + c, c);
        }
    }
}
