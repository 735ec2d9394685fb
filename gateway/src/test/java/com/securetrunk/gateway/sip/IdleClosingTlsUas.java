package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS SIP server that behaves like Kamailio with a short {@code tcp_connection_lifetime} or a load balancer: it
 * answers each request with 200 and closes a connection that has been idle for {@code idleMs} (optionally with a TCP
 * RST instead of close_notify + FIN). One thread per connection, all bounded by socket timeouts.
 */
final class IdleClosingTlsUas implements AutoCloseable {
    private final SSLServerSocket server;
    private final int idleMs;
    private final boolean reset;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    IdleClosingTlsUas(TlsContextFactory contexts, TlsPeerPolicy policy, int idleMs, boolean reset) throws IOException {
        this.server = contexts.listen(policy, 0, 8, InetAddress.getByName("127.0.0.1"));
        this.idleMs = idleMs;
        this.reset = reset;
        this.acceptor = new Thread(this::acceptLoop, "idle-uas-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "idle-uas-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.setSoTimeout(idleMs);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            while (true) {
                List<String> headers = new ArrayList<>();
                String line;
                try {
                    line = in.readLine();
                    while (line != null && line.isEmpty()) {
                        line = in.readLine(); // CRLF keep-alives
                    }
                    if (line == null) {
                        return;
                    }
                    String l;
                    while ((l = in.readLine()) != null && !l.isEmpty()) {
                        headers.add(l);
                    }
                } catch (SocketTimeoutException idle) {
                    if (reset) {
                        s.setSoLinger(true, 0); // RST, no close_notify: the harshest way a peer drops us
                    }
                    return;
                }
                requests.incrementAndGet();
                StringBuilder r = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String h : headers) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(java.util.Locale.ROOT);
                    switch (name) {
                        case "via", "from", "call-id", "cseq" -> r.append(h).append("\r\n");
                        case "to" -> r.append(h).append(h.contains(";tag=") ? "" : ";tag=uas1").append("\r\n");
                        default -> { }
                    }
                }
                r.append("Content-Length: 0\r\n\r\n");
                out.write(r.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // peer went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
