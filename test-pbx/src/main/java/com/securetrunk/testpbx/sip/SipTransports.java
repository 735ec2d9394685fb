package com.securetrunk.testpbx.sip;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UA's sockets: one UDP socket, TCP and TLS listeners, and the stream connections in both
 * directions (RFC 3261 section 18). Stream messages are framed by Content-Length (section 18.3).
 * Received messages go to the {@link Handler} from reader threads; the UA hands them to its own thread.
 */
public final class SipTransports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipTransports.class);
    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int HANDSHAKE_TIMEOUT_MS = 5000;

    /** Where a message came from; {@code connection} is null for UDP. */
    public record Inbound(Transport transport, InetSocketAddress remote, Connection connection) {
    }

    /** Receives every parsed message and every transport failure worth reporting. */
    public interface Handler {
        void onMessage(SipMessage message, Inbound from);
    }

    private final InetAddress bindAddress;
    private final Handler handler;
    private final SSLContext sslContext;
    private final String name;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private SSLServerSocket tls;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SipTransports(String name, InetAddress bindAddress, SSLContext sslContext, Handler handler) {
        this.name = name;
        this.bindAddress = bindAddress;
        this.sslContext = sslContext;
        this.handler = handler;
    }

    /** Opens the listeners; a port of -1 disables that transport, 0 picks an ephemeral port. */
    public void start(int udpPort, int tcpPort, int tlsPort) throws IOException {
        if (udpPort >= 0) {
            udp = new DatagramSocket(new InetSocketAddress(bindAddress, udpPort));
            udp.setReceiveBufferSize(1 << 20);
            thread("sip-udp-" + name, this::udpLoop);
        }
        if (tcpPort >= 0) {
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(bindAddress, tcpPort));
            thread("sip-tcp-accept-" + name, () -> acceptLoop(tcp, Transport.TCP));
        }
        if (tlsPort >= 0) {
            if (sslContext == null) {
                throw new IllegalStateException("TLS listener requested but no SSLContext configured");
            }
            tls = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket();
            tls.setReuseAddress(true);
            tls.setNeedClientAuth(false);
            tls.setEnabledProtocols(supportedOf(tls.getSupportedProtocols(), "TLSv1.3", "TLSv1.2"));
            tls.bind(new InetSocketAddress(bindAddress, tlsPort));
            thread("sip-tls-accept-" + name, () -> acceptLoop(tls, Transport.TLS));
        }
    }

    private static String[] supportedOf(String[] supported, String... wanted) {
        List<String> s = List.of(supported);
        return java.util.Arrays.stream(wanted).filter(s::contains).toArray(String[]::new);
    }

    public InetAddress address() {
        return bindAddress;
    }

    /** Listening port of {@code t}, or -1 when that transport is disabled. */
    public int port(Transport t) {
        return switch (t) {
            case UDP -> udp == null ? -1 : udp.getLocalPort();
            case TCP -> tcp == null ? -1 : tcp.getLocalPort();
            case TLS -> tls == null ? -1 : tls.getLocalPort();
        };
    }

    /**
     * Sends {@code message}. UDP goes to {@code dest}; streams use {@code preferred} if it is still open,
     * else an open connection to {@code dest}, else a new one (TLS with SNI {@code serverName} if it is a
     * host name).
     *
     * @return the connection used (null for UDP)
     */
    public Connection send(SipMessage message, Transport transport, InetSocketAddress dest, Connection preferred,
                           String serverName) throws IOException {
        byte[] bytes = message.toBytes();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} >>> {} {}\n{}", name, transport, dest, message);
        }
        if (transport == Transport.UDP) {
            if (udp == null) {
                throw new IOException("UDP transport is disabled on this UA");
            }
            udp.send(new DatagramPacket(bytes, bytes.length, dest));
            return null;
        }
        Connection c = preferred != null && preferred.isOpen() ? preferred : connections.get(key(transport, dest));
        if (c == null || !c.isOpen()) {
            c = connect(transport, dest, serverName);
        }
        c.write(bytes);
        return c;
    }

    private Connection connect(Transport transport, InetSocketAddress dest, String serverName) throws IOException {
        Socket socket;
        if (transport == Transport.TLS) {
            if (sslContext == null) {
                throw new IOException("TLS requested but this UA has no TLS configuration");
            }
            Socket raw = new Socket();
            raw.connect(dest, CONNECT_TIMEOUT_MS);
            String host = serverName != null ? serverName : dest.getHostString();
            SSLSocket ssl = (SSLSocket) sslContext.getSocketFactory().createSocket(raw, host, dest.getPort(), true);
            SSLParameters params = ssl.getSSLParameters();
            if (serverName != null && isHostName(serverName)) {
                params.setServerNames(List.of(new SNIHostName(serverName)));
            }
            params.setProtocols(supportedOf(ssl.getSupportedProtocols(), "TLSv1.3", "TLSv1.2"));
            ssl.setSSLParameters(params);
            ssl.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            try {
                ssl.startHandshake();
            } catch (IOException e) {
                ssl.close();
                throw new IOException("TLS handshake with " + dest + " failed: " + e.getMessage(), e);
            }
            ssl.setSoTimeout(0);
            socket = ssl;
        } else {
            socket = new Socket();
            socket.connect(dest, CONNECT_TIMEOUT_MS);
        }
        socket.setTcpNoDelay(true);
        return register(socket, transport);
    }

    private static boolean isHostName(String host) {
        return !host.isEmpty() && host.indexOf(':') < 0 && !host.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch));
    }

    private Connection register(Socket socket, Transport transport) throws IOException {
        Connection c = new Connection(socket, transport);
        connections.put(key(transport, c.remote), c);
        thread("sip-" + transport.name().toLowerCase(java.util.Locale.ROOT) + "-" + name + "-" + c.remote.getPort(),
                () -> readLoop(c));
        return c;
    }

    private static String key(Transport t, InetSocketAddress a) {
        return t + "|" + a.getAddress().getHostAddress() + "|" + a.getPort();
    }

    private void thread(String threadName, Runnable r) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        t.start();
    }

    private void udpLoop() {
        byte[] buf = new byte[SipMessage.MAX_SIZE];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                packet.setData(buf, 0, buf.length);
                udp.receive(packet);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.debug("{}: UDP receive failed: {}", name, e.toString());
                continue;
            }
            int len = packet.getLength();
            if (len <= 4 && allWhitespace(buf, len)) {
                continue; // CRLF keep-alive
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            try {
                SipMessage m = SipMessage.parse(buf, 0, len);
                deliver(m, new Inbound(Transport.UDP, from, null));
            } catch (SipParseException e) {
                LOG.warn("{}: unparsable SIP datagram from {} ignored: {}", name, from, e.getMessage());
            }
        }
    }

    private static boolean allWhitespace(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] != '\r' && b[i] != '\n' && b[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private void acceptLoop(ServerSocket server, Transport transport) {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.debug("{}: accept failed: {}", name, e.toString());
                continue;
            }
            thread("sip-handshake-" + name, () -> {
                try {
                    if (s instanceof SSLSocket ssl) {
                        ssl.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
                        ssl.startHandshake();
                        ssl.setSoTimeout(0);
                    }
                    s.setTcpNoDelay(true);
                    register(s, transport);
                } catch (IOException e) {
                    LOG.info("{}: {} connection from {} failed: {}", name, transport, s.getRemoteSocketAddress(),
                            e.getMessage());
                    closeQuietly(s);
                }
            });
        }
    }

    private void readLoop(Connection c) {
        try {
            InputStream in = new BufferedInputStream(c.socket.getInputStream());
            while (!closed) {
                byte[] head = readHead(in);
                if (head == null) {
                    break;
                }
                int contentLength = contentLength(head);
                byte[] all = new byte[head.length + contentLength];
                System.arraycopy(head, 0, all, 0, head.length);
                int read = 0;
                while (read < contentLength) {
                    int n = in.read(all, head.length + read, contentLength - read);
                    if (n < 0) {
                        throw new IOException("connection closed inside a message body");
                    }
                    read += n;
                }
                SipMessage m = SipMessage.parse(all, 0, all.length);
                deliver(m, new Inbound(c.transport, c.remote, c));
            }
        } catch (SocketException e) {
            // closed locally or reset by the peer
        } catch (IOException | SipParseException e) {
            if (!closed) {
                LOG.info("{}: {} connection with {} dropped: {}", name, c.transport, c.remote, e.getMessage());
            }
        } finally {
            c.close();
            connections.remove(key(c.transport, c.remote), c);
        }
    }

    /** Reads up to and including CRLFCRLF, skipping CRLF keep-alives; null at end of stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (buf.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a message header");
            }
            if (buf.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive (RFC 5626 section 3.5.1) or stray line ending between messages
            }
            buf.write(b);
            if (buf.size() > SipMessage.MAX_SIZE) {
                throw new IOException("header section longer than " + SipMessage.MAX_SIZE + " bytes");
            }
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return buf.toByteArray();
            }
        }
    }

    private static int contentLength(byte[] head) throws IOException {
        String text = new String(head, StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
                try {
                    int n = Integer.parseInt(line.substring(colon + 1).trim());
                    if (n < 0 || n > SipMessage.MAX_SIZE) {
                        throw new IOException("Content-Length out of range: " + n);
                    }
                    return n;
                } catch (NumberFormatException e) {
                    throw new IOException("Content-Length: expected a number in '" + line + "'");
                }
            }
        }
        throw new IOException("stream message without Content-Length (required on TCP/TLS, RFC 3261 18.3)");
    }

    private void deliver(SipMessage m, Inbound from) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} <<< {} {}\n{}", name, from.transport(), from.remote(), m);
        }
        try {
            handler.onMessage(m, from);
        } catch (RuntimeException e) {
            LOG.warn("{}: handler failed for {}: {}", name, m.firstLine(), e.toString(), e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        if (udp != null) {
            udp.close();
        }
        try {
            if (tcp != null) {
                tcp.close();
            }
            if (tls != null) {
                tls.close();
            }
        } catch (IOException ignored) {
            // closing
        }
        for (Connection c : connections.values()) {
            c.close();
        }
        connections.clear();
    }

    /** One TCP or TLS connection; writes are serialised. */
    public static final class Connection {
        private final Socket socket;
        private final Transport transport;
        private final InetSocketAddress remote;
        private final OutputStream out;

        Connection(Socket socket, Transport transport) throws IOException {
            this.socket = socket;
            this.transport = transport;
            this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            this.out = socket.getOutputStream();
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        public boolean isOpen() {
            return !socket.isClosed();
        }

        public InetSocketAddress remote() {
            return remote;
        }

        public Transport transport() {
            return transport;
        }

        /** Negotiated TLS protocol and cipher suite, or null for TCP. */
        public String tlsDescription() {
            if (socket instanceof SSLSocket ssl) {
                return ssl.getSession().getProtocol() + " " + ssl.getSession().getCipherSuite();
            }
            return null;
        }

        void close() {
            closeQuietly(socket);
        }
    }
}
