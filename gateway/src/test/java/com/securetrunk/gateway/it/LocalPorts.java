package com.securetrunk.gateway.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Free loopback ports for peers, and the UDP sockets bound in a port range (from /proc/net/udp), to find leaks. */
final class LocalPorts {
    private LocalPorts() {
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now (a peer binds it next). */
    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int p = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1 after 50 attempts");
    }

    /** How many UDP sockets (IPv4 and IPv6, any process) are bound to a local port in [min, max]. */
    static int udpBoundInRange(int min, int max) throws IOException {
        int n = 0;
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 2 || !f[1].contains(":")) {
                    continue;
                }
                String hexPort = f[1].substring(f[1].lastIndexOf(':') + 1);
                int port;
                try {
                    port = Integer.parseInt(hexPort, 16);
                } catch (NumberFormatException header) {
                    continue;
                }
                if (port >= min && port <= max) {
                    n++;
                }
            }
        }
        return n;
    }
}
