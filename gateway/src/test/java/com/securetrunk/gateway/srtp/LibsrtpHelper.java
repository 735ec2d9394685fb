package com.securetrunk.gateway.srtp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs libsrtp 2 (Debian's libsrtp2-dev) through the C helper in test resources
 * ({@code srtp/libsrtp_helper.c}), compiled once per test JVM with gcc. Missing gcc, pkg-config or
 * libsrtp2-dev is a test failure with the install command, never a silent skip: CI installs them
 * from {@code .ci/apt-packages.d/srtp}.
 */
public final class LibsrtpHelper {
    /** libsrtp's srtp_err_status_t values the tests look at. */
    public static final int OK = 0;
    public static final int AUTH_FAIL = 7;
    public static final int REPLAY_FAIL = 9;
    public static final int REPLAY_OLD = 10;

    private static Path binary;

    private LibsrtpHelper() {
    }

    /** One packet for the helper: RTP or RTCP. */
    public record Packet(boolean rtcp, byte[] bytes) {
    }

    /** The helper's answer for one packet: libsrtp's status and, when 0, the transformed bytes. */
    public record Result(int status, byte[] bytes) {
    }

    public static synchronized Path binary() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        Path dir = Path.of("target", "libsrtp-helper").toAbsolutePath();
        Files.createDirectories(dir);
        Path source = dir.resolve("libsrtp_helper.c");
        try (InputStream in = LibsrtpHelper.class.getResourceAsStream("/srtp/libsrtp_helper.c")) {
            if (in == null) {
                throw new IllegalStateException("test resource srtp/libsrtp_helper.c is missing");
            }
            Files.write(source, in.readAllBytes());
        }
        String flags = run(List.of("pkg-config", "--cflags", "--libs", "libsrtp2"), dir,
                "pkg-config cannot find libsrtp2: install the Debian packages listed in .ci/apt-packages.d/srtp "
                        + "(apt-get install gcc pkg-config libsrtp2-dev)").trim();
        List<String> gcc = new ArrayList<>(List.of("gcc", "-O2", "-Wall", "-o", dir.resolve("libsrtp_helper").toString(),
                source.toString()));
        gcc.addAll(List.of(flags.split("\\s+")));
        run(gcc, dir, "gcc could not build the libsrtp helper: install gcc and libsrtp2-dev "
                + "(.ci/apt-packages.d/srtp)");
        binary = dir.resolve("libsrtp_helper");
        return binary;
    }

    /** Runs {@code mode} ("protect" or "unprotect") over {@code packets} with a fresh libsrtp session. */
    public static List<Result> run(String mode, MasterKey key, List<Packet> packets) throws IOException,
            InterruptedException {
        Path dir = binary().getParent();
        Path in = Files.createTempFile(dir, "in", ".bin");
        Path out = Files.createTempFile(dir, "out", ".bin");
        try {
            Files.write(in, encode(packets));
            exec(List.of(binary().toString(), mode, key.suite().sdpName(), HexFormat.of().formatHex(key.keyMaterial())),
                    in, out);
            List<Result> results = new ArrayList<>();
            try (DataInputStream d = new DataInputStream(Files.newInputStream(out))) {
                while (true) {
                    int status;
                    try {
                        status = d.readUnsignedByte();
                    } catch (EOFException e) {
                        break;
                    }
                    byte[] b = new byte[d.readUnsignedShort()];
                    d.readFully(b);
                    results.add(new Result(status, b));
                }
            }
            return results;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Protects {@code packets} with libsrtp and writes them as a pcap (linktype 1 Ethernet or 113 Linux cooked). */
    public static void writePcap(MasterKey key, int linkType, Path pcap, List<Packet> packets)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(binary().getParent(), "in", ".bin");
        try {
            Files.write(in, encode(packets));
            exec(List.of(binary().toString(), "pcap", key.suite().sdpName(),
                    HexFormat.of().formatHex(key.keyMaterial()), Integer.toString(linkType),
                    pcap.toAbsolutePath().toString()), in, null);
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static byte[] encode(List<Packet> packets) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Packet p : packets) {
            b.write(p.rtcp() ? 1 : 0);
            b.write(p.bytes().length >>> 8);
            b.write(p.bytes().length);
            b.writeBytes(p.bytes());
        }
        return b.toByteArray();
    }

    private static void exec(List<String> command, Path stdin, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(stdin.toFile());
        Path err = Files.createTempFile(stdin.getParent(), "err", ".txt");
        pb.redirectError(err.toFile());
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
        }
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("libsrtp helper did not finish in 60 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("libsrtp helper failed (exit " + p.exitValue() + "): "
                        + Files.readString(err));
            }
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String run(List<String> command, Path dir, String hint) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(hint + " (" + command.get(0) + " not found: " + e.getMessage() + ")", e);
        }
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(hint + "\n" + String.join(" ", command) + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
