package com.securetrunk.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.securetrunk.testpbx.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product ({@code java -jar securetrunk.jar run}) between two real third-party peers: SIPp as the legacy PBX
 * (plain SIP over UDP, plain RTP) and baresip 1.0.0 as the secure domain (SIP over TLS, SDES-SRTP mandatory, libre's
 * SRTP: an implementation independent of ours). What baresip hears is checked sample by sample against what was sent.
 */
class ThirdPartyPeersIT {
    private static final int MEDIA_MIN = 22000; // below the ephemeral range (32768+), where peers bind
    private static final int MEDIA_MAX = 22999;
    private static final Duration CALL_WAIT = Duration.ofSeconds(30);
    private static final TestPki PKI = TestPki.shared();

    @TempDir
    static Path shared;

    private static GatewayProcess gateway;
    private static int pbxPort;
    private static Path baresipCert;

    @TempDir
    Path dir;

    @BeforeAll
    static void startGateway() throws Exception {
        assumeTrue(ExternalProcess.installed("sipp"), "sipp (Debian sip-tester) is not installed: .ci/apt-packages.d/peers");
        assumeTrue(ExternalProcess.installed("baresip"), "baresip is not installed: .ci/apt-packages.d/peers");
        TestPki.Issued gw = PKI.issue("gateway-it", "gw.example.test");
        TestPki.Issued bs = PKI.issue("baresip-it", "baresip.example.test");
        baresipCert = shared.resolve("baresip-cert-and-key.pem");
        Files.writeString(baresipCert, Files.readString(bs.certPem()) + Files.readString(bs.keyPem()));
        pbxPort = LocalPorts.freePort();
        baresipSipPort = freePairForBaresip();
        gateway = GatewayProcess.start(shared, """
                securetrunk {
                  sip.legacy { listen-addresses = ["127.0.0.1"], transports = [udp, tcp], udp-port = 0, tcp-port = 0 }
                  sip.secure { listen-addresses = ["127.0.0.1"], tls-port = 0 }
                  pbx {
                    allowed-sources = ["127.0.0.1"]
                    profile = asterisk-chan_sip
                    target { host = "127.0.0.1", port = %d, transport = udp }
                  }
                  secure-domain { targets = [ { host = "127.0.0.1", port = %d, transport = tls } ], profile = twilio-secure }
                  tls { certificate = "%s", private-key = "%s", ca-bundle = "%s" }
                  media { bind-address = "127.0.0.1", port-min = %d, port-max = %d, port-quarantine = 1s, event-loops = 1 }
                }
                """.formatted(pbxPort, baresipSipPort + 1, gw.certPem(), gw.keyPem(), PKI.caPem(), MEDIA_MIN, MEDIA_MAX));
    }

    private static int baresipSipPort;

    /** baresip listens on UDP/TCP sip_listen and TLS on the next port: both must be free. */
    private static int freePairForBaresip() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = LocalPorts.freePort();
            try (var next = new java.net.ServerSocket(p + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports for baresip");
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            // 143 = 128 + SIGTERM: the JVM's status when a signal ends it after the shutdown hook (graceful stop) ran
            assertThat(gateway.stop(Duration.ofSeconds(20))).as("exit status after SIGTERM\n%s", gateway.logTail(3000)).isIn(0, 143);
        }
    }

    @AfterEach
    void nothingLeft() throws Exception {
        if (gateway == null) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!LocalPorts.udpPortsBoundBy(gateway.pid(), MEDIA_MIN, MEDIA_MAX).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(LocalPorts.udpPortsBoundBy(gateway.pid(), MEDIA_MIN, MEDIA_MAX)).as("media ports the gateway still holds after the call\n%s",
                gateway.logTail(3000)).isEmpty();
        assertThat(gateway.isAlive()).isTrue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ThirdPartyPeersIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * sipp (PBX, UDP, RTP from a pcap) -> SecureTrunk -> baresip (TLS, SRTP mandatory, auto-answer): the call is answered,
     * baresip decodes the very samples sipp sent, and on the wire the secure leg carries SRTP, not the plain payload.
     */
    @Test
    void sippPbxCallsBaresipOverTlsWithSrtpAndBaresipHearsWhatSippSent() throws Exception {
        assumeTrue(ExternalProcess.installed("tcpdump"), "tcpdump is not installed: .ci/apt-packages.d/peers");
        int frames = 200; // 4 s
        byte[] signal = TestAudio.ulawSignal(frames, 4475);
        Path pcap = dir.resolve("pbx-audio.pcap");
        TestAudio.writeRtpPcap(pcap, signal);
        Path scenario = dir.resolve("uac.xml");
        Files.writeString(scenario, resource("/sipp/uac_pcap_audio.xml").replace("@PCAP@", pcap.toString())
                .replace("@PAUSE_MS@", "6000"), StandardCharsets.ISO_8859_1);
        Path quiet = dir.resolve("baresip-source.wav");
        TestAudio.writeWav(quiet, TestAudio.decode(TestAudio.ulawSignal(1500, 1))); // 30 s: longer than the call
        Path capture = dir.resolve("media.pcap");
        try (ExternalProcess dump = ExternalProcess.start("tcpdump", dir, dir.resolve("tcpdump.log"), List.of("tcpdump", "-i", "lo",
                "-n", "-U", "-s", "0", "-w", capture.toString(), "udp and portrange " + MEDIA_MIN + "-" + MEDIA_MAX));
             Baresip bs = Baresip.start(dir.resolve("baresip"), baresipSipPort, baresipCert, PKI.caPem(), quiet,
                     "<sip:bs@127.0.0.1;transport=tls>;answermode=auto;mediaenc=srtp-mand;regint=0;audio_codecs=pcmu",
                     Duration.ofSeconds(40), List.of())) {
            assertThat(bs.awaitLog("baresip is ready", Duration.ofSeconds(10))).as(bs.logTail(2000)).isTrue();
            awaitText(dir.resolve("tcpdump.log"), "listening on", Duration.ofSeconds(10));
            int gwUdp = gateway.port("legacy", "UDP");
            try (ExternalProcess sipp = ExternalProcess.start("sipp", dir, dir.resolve("sipp.log"), List.of("sipp",
                    "-sf", scenario.toString(), "-s", "bs", "127.0.0.1:" + gwUdp, "-i", "127.0.0.1", "-p",
                    Integer.toString(LocalPorts.freePort()), "-mi", "127.0.0.1", "-mp", Integer.toString(LocalPorts.freePort()),
                    "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error", "-trace_err"))) {
                int status = sipp.awaitExit(CALL_WAIT);
                assertThat(bs.awaitLog("Call established", Duration.ofSeconds(1))).as(bs.logTail(3000)).isTrue();
                assertThat(status).as("sipp exit status (0 = call answered, media sent, BYE answered)\n%s\n%s",
                        sipp.logTail(3000), gateway.logTail(3000)).isZero();
            }
            assertThat(bs.awaitLog("terminated", Duration.ofSeconds(10))).as("baresip saw the BYE\n%s", bs.logTail(2000)).isTrue();
            assertThat(bs.logTail(100_000)).contains("SRTP is Enabled");
            short[] heard = TestAudio.readWav(bs.decodedRecording());
            int found = TestAudio.framesFoundExactly(signal, heard);
            System.out.printf("sipp -> SecureTrunk -> baresip: %d of %d frames sample-exact in baresip's recording%n", found, frames);
            // baresip's jitter buffer drops some frames while it fills and when packets bunch up on a loaded machine
            // (183 of 200 seen here); what arrives must be bit-exact: a wrong key or a garbled relay finds none
            assertThat(found).as("20 ms frames of sipp's audio found sample-exact in baresip's recording").isGreaterThanOrEqualTo(frames * 3 / 4);
            Thread.sleep(300); // tcpdump -U has written every packet; SIGTERM flushes the rest
        }
        List<PcapUdp.Datagram> packets = PcapUdp.read(capture);
        List<PcapUdp.Datagram> plain = packets.stream().filter(d -> d.payload().length == 12 + TestAudio.FRAME).toList();
        // gateway -> baresip: from a relay port to baresip's RTP port (outside the range), AES_CM_128_HMAC_SHA1_80: +10 tag
        List<PcapUdp.Datagram> srtp = packets.stream().filter(d -> d.srcPort() >= MEDIA_MIN && d.srcPort() <= MEDIA_MAX
                && d.payload().length == 12 + TestAudio.FRAME + 10).toList();
        System.out.printf("capture: %d plain RTP packets, %d SRTP packets relay -> baresip, none carrying the plain payload%n",
                plain.size(), srtp.size());
        assertThat(plain).as("plain RTP seen on the legacy leg").hasSizeGreaterThan(frames / 2);
        assertThat(plain.stream().anyMatch(d -> TestAudio.containsAnyRun(d.payload(), signal, 16)))
                .as("the plain leg shows sipp's payload (the capture check can see it)").isTrue();
        assertThat(srtp).as("SRTP packets (RTP header + 160 + 10-byte tag) from the relay to baresip").hasSizeGreaterThan(frames / 2);
        assertThat(srtp).allSatisfy(d -> {
            assertThat(d.payload()[0] & 0xC0).as("RTP version 2 header in clear").isEqualTo(0x80);
            assertThat(TestAudio.containsAnyRun(d.payload(), signal, 16)).as("plain payload visible on the secure leg").isFalse();
        });
    }

    /**
     * baresip (TLS, SRTP) calls in -> SecureTrunk -> sipp UAS (plain UDP, echoing RTP back): the call is answered, the
     * audio baresip sends comes back to it through both relay directions bit-exact, and its BYE is answered by sipp.
     */
    @Test
    void baresipCallsInOverTlsWithSrtpToSippUasAndHearsItsAudioEchoed() throws Exception {
        int frames = 150; // 3 s: baresip hangs up when its source file ends
        byte[] signal = TestAudio.ulawSignal(frames, 3261);
        Path source = dir.resolve("baresip-source.wav");
        TestAudio.writeWav(source, TestAudio.decode(signal));
        try (ExternalProcess uas = ExternalProcess.start("sipp-uas", dir, dir.resolve("sipp-uas.log"), List.of("sipp", "-sn", "uas",
                "-aa", "-i", "127.0.0.1", "-p", Integer.toString(pbxPort), "-mi", "127.0.0.1", "-mp",
                Integer.toString(LocalPorts.freePort()), "-rtp_echo", "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error",
                "-trace_err"))) {
            Thread.sleep(500); // sipp binds its port
            int tls = gateway.port("secure", "TLS");
            try (Baresip bs = Baresip.start(dir.resolve("baresip"), freePairForBaresip(), baresipCert, PKI.caPem(), source,
                    "<sip:caller@127.0.0.1;transport=tls>;mediaenc=srtp-mand;regint=0;audio_codecs=pcmu", Duration.ofSeconds(20),
                    List.of("-e", "/dial sip:1000@127.0.0.1:" + tls + ";transport=tls"))) {
                int status = uas.awaitExit(CALL_WAIT);
                assertThat(status).as("sipp UAS exit status (0 = INVITE answered, ACK, BYE received and answered)\n%s\n%s\n%s",
                        uas.logTail(3000), bs.logTail(3000), gateway.logTail(3000)).isZero();
                assertThat(bs.awaitLog("Call established", Duration.ofSeconds(1))).as(bs.logTail(3000)).isTrue();
                assertThat(bs.awaitLog("terminated", Duration.ofSeconds(10))).as(bs.logTail(3000)).isTrue();
                assertThat(bs.logTail(100_000)).contains("SRTP is Enabled");
                short[] heard = TestAudio.readWav(bs.decodedRecording());
                int found = TestAudio.framesFoundExactly(signal, heard);
                System.out.printf("baresip -> SecureTrunk -> sipp echo -> baresip: %d of %d frames sample-exact%n", found, frames);
                assertThat(found).as("frames baresip sent (SRTP) that came back to it through sipp's RTP echo, sample-exact")
                        .isGreaterThanOrEqualTo(frames * 3 / 4);
            }
        }
    }

    private static void awaitText(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in " + file + " within " + timeout);
    }
}
