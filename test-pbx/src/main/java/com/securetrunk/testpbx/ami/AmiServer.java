package com.securetrunk.testpbx.ami;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI TCP listener (default {@code 127.0.0.1:5038}). One thread reads each session; a second drains that
 * session's outbound queue so a slow client never blocks the thread publishing an event.
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiServer.class);

    private final Config config;
    private final ServerSocket listener;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong(0x7f446c0011a0L);
    private final Thread acceptThread;
    private volatile boolean closed;

    /**
     * Everything the server needs from the Asterisk it fronts.
     *
     * @param amiVersion      banner version, e.g. {@code 9.0.0} ({@code AMI_VERSION} in manager.h)
     * @param users           manager.conf users (all {@code read=all write=all})
     * @param handlers        action handlers keyed by lower-case action name
     * @param afterLogin      events Asterisk sends right after a successful login (FullyBooted, SuccessfulAuth)
     * @param loginFailDelay  Asterisk sleeps 1 s before answering a failed login ({@code sleep(1)} in action_login)
     */
    public record Config(InetSocketAddress bind, String amiVersion, List<ManagerUser> users,
                         Map<String, AmiActionHandler> handlers, Function<AmiSession, List<AmiEvent>> afterLogin,
                         Duration loginFailDelay) {
        public Config {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(amiVersion, "amiVersion");
            users = List.copyOf(users);
            handlers = Map.copyOf(handlers);
            Objects.requireNonNull(afterLogin, "afterLogin");
            Objects.requireNonNull(loginFailDelay, "loginFailDelay");
            if (!bind.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("AMI bind address " + bind.getAddress().getHostAddress()
                        + " is not loopback: the simulator only listens on 127.0.0.1 / ::1");
            }
        }
    }

    private AmiServer(Config config, ServerSocket listener) {
        this.config = config;
        this.listener = listener;
        this.acceptThread = new Thread(this::acceptLoop, "ami-accept-" + listener.getLocalPort());
        this.acceptThread.setDaemon(true);
    }

    /** Binds and starts accepting. Port 0 picks an ephemeral port (see {@link #address()}). */
    public static AmiServer start(Config config) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            ss.bind(config.bind(), 50);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen for AMI on " + config.bind() + ": " + e.getMessage(), e);
        }
        AmiServer server = new AmiServer(config, ss);
        server.acceptThread.start();
        return server;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    Config config() {
        return config;
    }

    long nextSessionId() {
        return sessionIds.getAndAdd(0x10);
    }

    AmiActionHandler handler(String lowerCaseAction) {
        return config.handlers().get(lowerCaseAction.toLowerCase(Locale.ROOT));
    }

    /** Delivers an event to every logged-in session whose event mask includes the event's class. */
    public void publish(AmiEvent event) {
        AmiMessage message = event.toMessage();
        byte[] bytes = AmiCodec.encodeBytes(message);
        for (AmiSession s : sessions) {
            s.deliverEvent(event.eventClass(), bytes);
        }
    }

    /** Number of open sessions (for tests and the CLI). */
    public int sessionCount() {
        return sessions.size();
    }

    void removed(AmiSession session) {
        sessions.remove(session);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                if (!closed) {
                    LOG.warn("AMI accept failed on {}: {}", address(), e.getMessage());
                }
                return;
            } catch (IOException e) {
                LOG.warn("AMI accept failed on {}: {}", address(), e.getMessage());
                continue;
            }
            try {
                AmiSession session = new AmiSession(this, socket);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                LOG.warn("AMI session setup failed for {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (AmiSession s : sessions) {
            s.close();
        }
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
