package com.securetrunk.gateway.app.srtp;

import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Options and error handling shared by {@code srtp decrypt} and {@code srtp encrypt}. Exit 0 done, 2 bad input. */
abstract class SrtpCaptureCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "SUITE",
            description = "Crypto suite as in a=crypto: AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, "
                    + "AES_256_CM_HMAC_SHA1_80, AES_256_CM_HMAC_SHA1_32.")
    String suite;

    @Option(names = "--key", required = true, paramLabel = "INLINE",
            description = "Base64 key||salt exactly as after 'inline:' in the a=crypto line ('inline:' and a "
                    + "'|lifetime' suffix are accepted too).")
    String key;

    @Option(names = "--ssrc", paramLabel = "SSRC", description = "Only packets of this SSRC (decimal or 0x hex).")
    String ssrc;

    @Option(names = "--port", paramLabel = "PORT", description = "Only UDP packets from or to this port.")
    Integer port;

    @Option(names = "--keep-failed", description = "Copy packets that fail (authentication, replay) unchanged "
            + "instead of dropping them.")
    boolean keepFailed;

    @Parameters(index = "0", paramLabel = "IN.pcap", description = "Capture to read (pcap; Ethernet or Linux cooked).")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.pcap", description = "Capture to write (same link type).")
    Path output;

    abstract CaptureTransformer.Direction direction();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        try {
            SrtpSuite s = SrtpSuite.fromSdpName(suite).orElseThrow(() -> new IllegalArgumentException(
                    "--suite: unknown suite '" + suite + "' (expected: one of " + Arrays.stream(SrtpSuite.values())
                            .map(SrtpSuite::sdpName).collect(Collectors.joining(", ")) + ")"));
            MasterKey masterKey;
            try {
                masterKey = MasterKey.fromInline(s, inlineValue(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--key: " + e.getMessage());
            }
            CaptureTransformer.Filter filter = new CaptureTransformer.Filter(parseSsrc(ssrc), port);
            CaptureTransformer.Report report = CaptureTransformer.run(input, output, masterKey, direction(), filter,
                    keepFailed);
            PrintWriter out = spec.commandLine().getOut();
            out.println(input + " -> " + output + ": " + report.summary(direction()));
            if (direction() == CaptureTransformer.Direction.DECRYPT && report.authFailures() > 0) {
                out.println(report.authFailures() + " packets failed authentication: wrong key or suite for them, "
                        + "or another direction's stream (filter with --ssrc / --port)");
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | PcapFormatException e) {
            err.println(command + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println(command + ": " + e.getFile() + ": no such file");
        } catch (IOException e) {
            err.println(command + ": " + e);
        }
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static String inlineValue(String key) {
        String k = key.strip();
        if (k.startsWith("inline:")) {
            k = k.substring("inline:".length());
        }
        int bar = k.indexOf('|');
        return bar >= 0 ? k.substring(0, bar) : k;
    }

    private static Long parseSsrc(String text) {
        if (text == null) {
            return null;
        }
        try {
            long v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
            if (v < 0 || v > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ssrc: '" + text + "' is not an SSRC (expected: 0..4294967295 "
                    + "or 0x0..0xffffffff)");
        }
    }
}
