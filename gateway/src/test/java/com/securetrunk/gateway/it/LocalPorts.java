package com.securetrunk.gateway.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Free loopback ports for peers, and the UDP ports a process holds in a range (from /proc), to find leaks. */
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

    /**
     * The UDP ports in [min, max] bound by process {@code pid}: its socket inodes (from /proc/PID/fd) matched against
     * /proc/net/udp{,6}. Counting only the gateway's own sockets matters: peers in the same machine bind ephemeral
     * ports, and one of them landing in the range is not a leak.
     */
    static List<Integer> udpPortsBoundBy(long pid, int min, int max) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[1].contains(":") || !inodes.contains(f[9])) {
                    continue;
                }
                int port;
                try {
                    port = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                } catch (NumberFormatException header) {
                    continue;
                }
                if (port >= min && port <= max) {
                    ports.add(port);
                }
            }
        }
        return ports;
    }
}
