package com.securetrunk.gateway.sip;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server (Debian dnsmasq-base) on loopback, serving only the records a test gives it: NAPTR, SRV and A,
 * with no upstream and no /etc/hosts. Missing dnsmasq is a failure, not a skip: {@code .ci/apt-packages.d/dns}
 * installs it.
 */
public final class Dnsmasq implements AutoCloseable {
    static final String BINARY = "/usr/sbin/dnsmasq";

    private final List<String> records = new ArrayList<>();
    private Process process;
    private Path log;
    private int port;

    /** RFC 3403 NAPTR with an empty regexp (RFC 3263 uses the replacement). */
    public Dnsmasq naptr(String name, int order, int preference, String flags, String service, String replacement) {
        records.add("--naptr-record=" + name + "," + order + "," + preference + "," + flags + "," + service + ",,"
                + replacement);
        return this;
    }

    /** RFC 2782 SRV. */
    public Dnsmasq srv(String name, String target, int targetPort, int priority, int weight) {
        records.add("--srv-host=" + name + "," + target + "," + targetPort + "," + priority + "," + weight);
        return this;
    }

    public Dnsmasq a(String name, String ipv4) {
        records.add("--host-record=" + name + "," + ipv4);
        return this;
    }

    /** Starts it; {@link #server()} is then its {@code host:port}. */
    public Dnsmasq start(Path dir) throws Exception {
        if (!new File(BINARY).canExecute()) {
            throw new AssertionError(BINARY + " not found: install Debian package dnsmasq-base (listed in "
                    + ".ci/apt-packages.d/dns)");
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY, "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--no-poll", "--pid-file", "--port=" + port, "--listen-address=127.0.0.1",
                "--bind-interfaces", "--log-queries", "--log-facility=-"));
        cmd.addAll(records);
        log = dir.resolve("dnsmasq-" + port + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("dnsmasq exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("started")) {
                return this;
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("dnsmasq did not start within 10 s:\n" + Files.readString(log));
    }

    public String server() {
        return "127.0.0.1:" + port;
    }

    /** What dnsmasq logged: each query it answered. */
    public String log() throws java.io.IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
