package com.securetrunk.gateway.media.ng;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real rtpengine (Debian rtpengine-daemon, userspace only) started by the test on loopback. Missing
 * rtpengine is a failure, not a skip: {@code .ci/apt-packages.d/media} installs it. Set
 * {@code -Dmedia.rtpengine=off} to leave the comparison out on purpose.
 */
final class RealRtpengine implements AutoCloseable {
    static final String BINARY = "/usr/bin/rtpengine";

    final Process process;
    final InetSocketAddress ng;
    final Path log;

    private RealRtpengine(Process process, InetSocketAddress ng, Path log) {
        this.process = process;
        this.ng = ng;
        this.log = log;
    }

    static boolean wanted() {
        return !"off".equals(System.getProperty("media.rtpengine"));
    }

    static RealRtpengine start(Path dir, int portMin, int portMax) throws Exception {
        if (!new File(BINARY).canExecute()) {
            throw new AssertionError(BINARY + " not found: install Debian package rtpengine-daemon (listed in "
                    + ".ci/apt-packages.d/media), or run with -Dmedia.rtpengine=off to leave the comparison out");
        }
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("rtpengine.conf");
        Files.writeString(conf, String.join("\n", "[rtpengine]", "table = -1", "interface = 127.0.0.1",
                "listen-ng = 127.0.0.1:" + port, "port-min = " + portMin, "port-max = " + portMax, "timeout = 60",
                "delete-delay = 0", "log-level = 6", "log-stderr = true", "foreground = true", ""));
        Path log = dir.resolve("rtpengine.log");
        Process p = new ProcessBuilder(BINARY, "--config-file=" + conf, "--config-section=rtpengine", "--num-threads=1",
                "--pidfile=" + dir.resolve("rtpengine.pid")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealRtpengine r = new RealRtpengine(p, new InetSocketAddress("127.0.0.1", port), log);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("rtpengine exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try (NgClient c = new NgClient(r.ng)) {
                if ("pong".equals(c.call(Map.of("command", "ping")).get("result"))) {
                    return r;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        r.close();
        throw new AssertionError("rtpengine did not answer ng ping within 10 s:\n" + Files.readString(log));
    }

    String version() throws IOException, InterruptedException {
        Process v = new ProcessBuilder(List.of(BINARY, "--version")).redirectErrorStream(true).start();
        String out = new String(v.getInputStream().readAllBytes()).trim();
        v.waitFor();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
