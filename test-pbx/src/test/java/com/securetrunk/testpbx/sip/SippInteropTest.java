package com.securetrunk.testpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.securetrunk.testpbx.media.AudioReport;
import java.io.File;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PBX UA against SIPp (Debian package sip-tester, listed in .ci/apt-packages.d/test-pbx), an
 * independent SIP implementation: SIPp's built-in uac scenario calls us, and we call its uas scenario.
 * With {@code -rtp_echo} SIPp reflects our own audio, which the audio check must not accept.
 */
class SippInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private SipUa ua;
    private Path workDir;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(new File("/usr/bin/sipp").canExecute(), "sipp (Debian sip-tester) is not installed");
        ua = SipUa.start(UaConfig.pbx().name("pbx").autoAnswer(true, Duration.ofMillis(20)));
        workDir = Files.createTempDirectory("sipp");
    }

    @AfterEach
    void stop() {
        if (ua != null) {
            ua.close();
        }
    }

    private static int freePort(boolean tcp) throws Exception {
        if (tcp) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }

    private Process sipp(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/sipp", "-i", "127.0.0.1", "-m", "1", "-nostdin",
                "-timeout", "20s", "-timeout_error", "-trace_err", "-error_file",
                workDir.resolve("errors.log").toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("screen.log").toFile()).start();
    }

    private int finish(Process p) throws Exception {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sipp did not finish in 30 s");
        }
        return p.exitValue();
    }

    private String errors() throws Exception {
        Path e = workDir.resolve("errors.log");
        return Files.exists(e) ? Files.readString(e) : "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "t1"})
    void sippUacCallsThePbx(String transport) throws Exception {
        boolean tcp = transport.equals("t1");
        int port = ua.port(tcp ? Transport.TCP : Transport.UDP);
        Process p = sipp(List.of("-sn", "uac", "-t", transport, "-p", String.valueOf(freePort(tcp)), "-s", "600",
                "-d", "500", "127.0.0.1:" + port));
        assertThat(finish(p)).as("sipp exit code; errors: %s", errors()).isZero();
        Call incoming = ua.calls().get(0);
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertThat(incoming.transport()).isEqualTo(tcp ? Transport.TCP : Transport.UDP);
        assertThat(incoming.isConfirmed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pbxCallsSippUasAndRejectsItsOwnReflectedAudio(boolean echo) throws Exception {
        int port = freePort(false);
        List<String> args = new ArrayList<>(List.of("-sn", "uas", "-p", String.valueOf(port)));
        if (echo) {
            args.add("-rtp_echo");
        }
        Process p = sipp(args);
        Thread.sleep(500); // let sipp bind
        Call call = ua.call(CallRequest.to("sip:service@127.0.0.1:" + port));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        Thread.sleep(1000);
        call.hangup();
        assertThat(finish(p)).as("sipp exit code; errors: %s", errors()).isZero();
        AudioReport r = call.audioReport();
        assertThat(r.framesSent()).isGreaterThan(30);
        assertThat(r.framesMatched()).isZero();
        if (echo) {
            assertThat(r.unrecognised()).as(r.summary()).isGreaterThan(10); // our own signal came back
        } else {
            assertThat(r.packetsReceived()).isZero(); // the uas scenario sends no audio
        }
        assertThat(r.isClean(1)).isFalse();
    }
}
