package com.securetrunk.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product as a user starts it: {@code java -jar gateway/target/securetrunk.jar run --config FILE}, in its own
 * process, with what it prints on stdout parsed for its listening points ({@code listening legacy UDP:127.0.0.1:PORT}).
 */
final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("(?m)^listening (legacy|secure) (\\w+):([^\\s]+):(\\d+)\\s*$");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ExternalProcess process;
    private final List<Point> points;

    /** One listening point as printed. */
    record Point(String side, String transport, String address, int port) {
    }

    private GatewayProcess(ExternalProcess process, List<Point> points) {
        this.process = process;
        this.points = points;
    }

    /** The shaded jar: {@code -Dsecuretrunk.jar=...} (failsafe sets it), else target/securetrunk.jar. */
    static Path jar() {
        return Path.of(System.getProperty("securetrunk.jar", "target/securetrunk.jar")).toAbsolutePath();
    }

    /**
     * Writes {@code hocon} to {@code dir/gateway.conf}, starts the jar with it and waits for "SecureTrunk started".
     */
    static GatewayProcess start(Path dir, String hocon) throws IOException, InterruptedException {
        Path conf = dir.resolve("gateway.conf");
        Files.writeString(conf, hocon);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ExternalProcess p = ExternalProcess.start("securetrunk", dir, dir.resolve("gateway.log"),
                List.of(javaBin, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString(), "run", "--config", conf.toString()));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = p.log();
            if (out.contains("SecureTrunk started")) {
                List<Point> points = new ArrayList<>();
                Matcher m = LISTENING.matcher(out);
                while (m.find()) {
                    points.add(new Point(m.group(1), m.group(2).toUpperCase(java.util.Locale.ROOT), m.group(3),
                            Integer.parseInt(m.group(4))));
                }
                return new GatewayProcess(p, points);
            }
            if (!p.process().isAlive()) {
                throw new IllegalStateException("the gateway exited with " + p.process().exitValue() + " before it started\n"
                        + p.logTail(4000));
            }
            Thread.sleep(100);
        }
        p.close();
        throw new IllegalStateException("the gateway did not print 'SecureTrunk started' within " + START_TIMEOUT + "\n"
                + p.logTail(4000));
    }

    int port(String side, String transport) {
        return points.stream().filter(pt -> pt.side().equals(side) && pt.transport().equals(transport)).mapToInt(Point::port)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + side + " " + transport + " listener in " + points));
    }

    long pid() {
        return process.process().pid();
    }

    boolean isAlive() {
        return process.process().isAlive();
    }

    String log() {
        return process.log();
    }

    String logTail(int max) {
        return process.logTail(max);
    }

    /** Threads of the gateway process (/proc/PID/status), to see that bad input does not pile up threads. */
    int threadCount() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        throw new IllegalStateException("no Threads: line in /proc/" + pid() + "/status");
    }

    /** Open file descriptors of the gateway process (sockets included). */
    int openFiles() throws IOException {
        try (var s = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) s.count();
        }
    }

    /** SIGTERM (graceful shutdown) and wait for the exit. */
    int stop(Duration timeout) throws InterruptedException {
        process.process().destroy();
        return process.awaitExit(timeout);
    }

    @Override
    public void close() {
        process.close();
    }
}
