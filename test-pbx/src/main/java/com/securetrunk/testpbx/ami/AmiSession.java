package com.securetrunk.testpbx.ami;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI connection: banner, login state, event mask, and the protocol-level actions manager.c handles itself
 * (Login, Challenge, Logoff, Events). Everything else goes to the {@link AmiActionHandler}s.
 */
public final class AmiSession {

    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
    /** Outbound messages held for a slow client before the session is dropped. */
    private static final int MAX_QUEUED = 20_000;
    private static final byte[] CLOSE = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final AmiServer server;
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final long sessionId;
    private final Instant started = Instant.now();
    private volatile boolean authenticated;
    private volatile String username = "";
    private volatile String challenge = "";
    private volatile int eventMask = EventClass.ALL;
    private volatile boolean closed;

    AmiSession(AmiServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.sessionId = server.nextSessionId();
    }

    void start() {
        String port = Integer.toString(socket.getPort());
        Thread reader = new Thread(this::readLoop, "ami-session-" + port);
        Thread writer = new Thread(this::writeLoop, "ami-writer-" + port);
        reader.setDaemon(true);
        writer.setDaemon(true);
        writer.start();
        // The banner: one line, no blank line after it (manager.c session_do).
        enqueue(("Asterisk Call Manager/" + server.config().amiVersion() + "\r\n").getBytes(StandardCharsets.UTF_8));
        reader.start();
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public String username() {
        return username;
    }

    public String sessionIdHex() {
        return "0x" + Long.toHexString(sessionId);
    }

    public Instant started() {
        return started;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** {@code IPV4/TCP/127.0.0.1/5038}, the address form of Asterisk security events. */
    public static String securityAddress(InetSocketAddress a) {
        String family = a.getAddress() instanceof java.net.Inet6Address ? "IPV6" : "IPV4";
        return family + "/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    public static String eventTv(Instant t) {
        return EVENT_TV.format(t);
    }

    /** Sends one response or list item to this session only. */
    public void send(AmiMessage message) {
        enqueue(AmiCodec.encodeBytes(message));
    }

    /**
     * Sends bytes that are not {@code Key: Value} lines — only the pre-14 Command answer, whose CLI text and
     * {@code --END COMMAND--} trailer are written raw. The text must end with the blank line.
     */
    public void sendRaw(String text) {
        enqueue(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes an event to every session (this one included, if its mask allows). */
    public void publish(AmiEvent event) {
        server.publish(event);
    }

    void deliverEvent(EventClass eventClass, byte[] bytes) {
        // Same lock as the login: an event published while the login completes goes after its response.
        synchronized (this) {
            if (authenticated && (eventMask & eventClass.bit()) != 0) {
                enqueue(bytes);
            }
        }
    }

    private void enqueue(byte[] bytes) {
        if (closed) {
            return;
        }
        if (!outbound.offer(bytes)) {
            LOG.warn("AMI session {} from {} is not reading: {} messages queued, dropping the session",
                    sessionIdHex(), remoteAddress(), MAX_QUEUED);
            close();
        }
    }

    /** Closes after everything queued so far has been written (Logoff, failed login). */
    private void closeAfterFlush() {
        outbound.offer(CLOSE);
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] next = outbound.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                if (next == CLOSE) {
                    out.flush();
                    close();
                    return;
                }
                out.write(next);
                if (outbound.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    private void readLoop() {
        try {
            AmiRequestReader reader = new AmiRequestReader(new BufferedInputStream(socket.getInputStream()));
            while (!closed) {
                AmiRequestReader.Result r = reader.next();
                switch (r.kind()) {
                    case END_OF_STREAM:
                        close();
                        return;
                    case LINE_TOO_LONG:
                        send(AmiResponses.error(r.message(), "Failed to parse message: line too long"));
                        break;
                    case TOO_MANY_LINES:
                        send(AmiResponses.error(r.message(), "Too many lines in message or allocation failure"));
                        break;
                    default:
                        if (!process(r.message())) {
                            return;
                        }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("AMI session {} read ended: {}", sessionIdHex(), e.getMessage());
            }
            close();
        }
    }

    /** Handles one request; returns false when the session ends. */
    private boolean process(AmiMessage request) throws IOException {
        String action = request.actionName();
        if (action.isEmpty()) {
            send(AmiResponses.error(request, "Missing action in request"));
            return true;
        }
        if (!authenticated && !action.equals("login") && !action.equals("logoff") && !action.equals("challenge")) {
            send(AmiResponses.error(request, "Permission denied"));
            return true;
        }
        switch (action) {
            case "login":
                return login(request);
            case "challenge":
                challenge(request);
                return true;
            case "logoff":
                send(AmiMessage.builder().add("Response", "Goodbye").actionId(request.get("ActionID"))
                        .add("Message", "Thanks for all the fish.").build());
                closeAfterFlush();
                return false;
            case "events":
                events(request);
                return true;
            default:
                break;
        }
        AmiActionHandler handler = server.handler(action);
        if (handler == null) {
            send(AmiResponses.error(request, "Invalid/unknown command: " + request.get("Action").trim()
                    + ". Use Action: ListCommands to show available commands."));
            publish(requestBadFormat(request));
            return true;
        }
        try {
            handler.handle(this, request);
        } catch (RuntimeException e) {
            // A simulator bug must not kill the session silently: say what failed, keep the connection.
            LOG.error("AMI action {} failed", request.get("Action"), e);
            send(AmiResponses.error(request, "Internal simulator error in " + request.get("Action") + ": " + e));
        }
        return true;
    }

    private void challenge(AmiMessage request) {
        if (!request.get("AuthType").equalsIgnoreCase("md5")) {
            send(AmiResponses.error(request, "Must specify AuthType"));
            return;
        }
        if (challenge.isEmpty()) {
            challenge = Long.toString(RANDOM.nextInt(Integer.MAX_VALUE));
        }
        send(AmiResponses.startSuccess(request).add("Challenge", challenge).build());
    }

    private boolean login(AmiMessage request) {
        if (authenticated) {
            send(AmiResponses.success(request, "Already authenticated"));
            return true;
        }
        ManagerUser user = authenticate(request);
        if (user == null) {
            sleep(server.config().loginFailDelay().toMillis());
            send(AmiResponses.error(request, "Authentication failed"));
            closeAfterFlush();
            return false;
        }
        username = user.username();
        String events = request.get("Events");
        if (!events.isEmpty()) {
            int mask = EventClass.parseMask(events);
            eventMask = mask < 0 ? EventClass.ALL : mask;
        }
        List<AmiEvent> after = server.config().afterLogin().apply(this);
        synchronized (this) {
            send(AmiResponses.success(request, "Authentication accepted"));
            authenticated = true;
            for (AmiEvent e : after) {
                if ((eventMask & e.eventClass().bit()) != 0) {
                    send(e.toMessage());
                }
            }
        }
        return true;
    }

    private ManagerUser authenticate(AmiMessage request) {
        String name = request.get("Username");
        for (ManagerUser u : server.config().users()) {
            if (!u.username().equalsIgnoreCase(name)) {
                continue;
            }
            if (request.get("AuthType").equalsIgnoreCase("md5")) {
                if (challenge.isEmpty()) {
                    return null;
                }
                String expected = md5Hex(challenge + u.secret());
                return expected.equalsIgnoreCase(request.get("Key").trim()) ? u : null;
            }
            return u.secret().equals(request.get("Secret")) ? u : null;
        }
        return null;
    }

    private void events(AmiMessage request) {
        int mask = EventClass.parseMask(request.get("EventMask"));
        if (mask < 0) {
            send(AmiResponses.error(request, "Invalid event mask"));
            return;
        }
        eventMask = mask;
        send(AmiResponses.startSuccess(request).add("Events", mask == 0 ? "Off" : "On").build());
    }

    private AmiEvent requestBadFormat(AmiMessage request) {
        return new AmiEvent("RequestBadFormat", EventClass.SECURITY, AmiMessage.builder()
                .add("EventTV", eventTv(Instant.now()))
                .add("Severity", "Error")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("SessionID", sessionIdHex())
                .add("LocalAddress", securityAddress(localAddress()))
                .add("RemoteAddress", securityAddress(remoteAddress()))
                .add("RequestType", "Action: " + request.get("Action").trim())
                .add("SessionTV", eventTv(started))
                .add("AccountID", username)
                .build());
    }

    static String md5Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connection now; queued output is discarded. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        AmiServer.closeQuietly(socket);
        server.removed(this);
    }
}
