package com.securetrunk.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer program started by a test, its stdout and stderr going to one log file. {@link #close()} stops it (SIGTERM,
 * then SIGKILL after two seconds): only this process and its descendants, never anything by name.
 */
final class ExternalProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ExternalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ExternalProcess start(String name, Path workDir, Path log, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ExternalProcess(name, pb.start(), log);
    }

    /** True when {@code program} is on the PATH (a test needing it is skipped otherwise). */
    static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    Process process() {
        return process;
    }

    /** Waits at most {@code timeout} for the exit; returns the exit code, or -1 if it is still running. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The last {@code max} characters of the log, for assertion messages. */
    String logTail(int max) {
        String s = log();
        return name + " log " + log + ":\n" + (s.length() <= max ? s : s.substring(s.length() - max));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
