package com.securetrunk.gateway.app.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.app.Main;
import com.securetrunk.gateway.srtp.LibsrtpHelper;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code securetrunk srtp decrypt|encrypt} end to end: captures written by libsrtp (through the C helper)
 * decrypt back to the original RTP/RTCP bit for bit, and bad input gets one line and exit code 2.
 */
class SrtpCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    static List<LibsrtpHelper.Packet> media(Random rnd, int count) {
        List<LibsrtpHelper.Packet> packets = new ArrayList<>();
        int seq = 65536 - count / 2; // wraps in the middle
        for (int i = 0; i < count; i++) {
            byte[] p = new byte[12 + 160];
            rnd.nextBytes(p);
            p[0] = (byte) 0x80;
            p[1] = 0;
            p[2] = (byte) (seq >>> 8);
            p[3] = (byte) seq;
            p[8] = 0x12;
            p[9] = 0x34;
            p[10] = 0x56;
            p[11] = 0x78;
            seq = (seq + 1) & 0xffff;
            packets.add(new LibsrtpHelper.Packet(false, p));
            if (i % 25 == 0) {
                byte[] rr = new byte[32];
                rnd.nextBytes(rr);
                rr[0] = (byte) 0x81;
                rr[1] = (byte) 201;
                rr[2] = 0;
                rr[3] = 7;
                System.arraycopy(p, 8, rr, 4, 4);
                packets.add(new LibsrtpHelper.Packet(true, rr));
            }
        }
        return packets;
    }

    static MasterKey key(SrtpSuite suite, long seed) {
        byte[] material = new byte[suite.keyMaterialLength()];
        new Random(seed).nextBytes(material);
        return MasterKey.fromKeyMaterial(suite, material);
    }

    /** The UDP payloads of a capture, in order. */
    static List<byte[]> payloads(Path pcap, int expectedLinkType) throws Exception {
        List<byte[]> result = new ArrayList<>();
        try (PcapReader r = PcapReader.open(pcap)) {
            assertThat(r.linkType()).isEqualTo(expectedLinkType);
            PcapRecord rec;
            while ((rec = r.next()) != null) {
                UdpFrame udp = UdpFrame.parse(r.linkType(), rec.data());
                assertThat(udp).isNotNull();
                result.add(Arrays.copyOfRange(rec.data(), udp.payloadOffset(), udp.payloadOffset() + udp.payloadLength()));
            }
        }
        return result;
    }

    @ParameterizedTest
    @CsvSource({"AES_CM_128_HMAC_SHA1_80, 1", "AES_CM_128_HMAC_SHA1_32, 113", "AES_256_CM_HMAC_SHA1_80, 113",
            "AES_256_CM_HMAC_SHA1_32, 1"})
    void libsrtpCaptureDecryptsToTheOriginalBitForBitAndReEncryptsToLibsrtpsBytes(SrtpSuite suite, int linkType)
            throws Exception {
        Random rnd = new Random(42 + linkType);
        MasterKey key = key(suite, linkType);
        List<LibsrtpHelper.Packet> plain = media(rnd, 600);
        Path srtp = dir.resolve("srtp.pcap");
        LibsrtpHelper.writePcap(key, linkType, srtp, plain);

        Path rtp = dir.resolve("rtp.pcap");
        assertThat(run("srtp", "decrypt", "--suite", suite.sdpName(), "--key", "inline:" + key.toInline(),
                srtp.toString(), rtp.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("600 RTP and 24 RTCP packets decrypted, 0 refused");
        List<byte[]> decrypted = payloads(rtp, linkType);
        assertThat(decrypted).hasSize(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            assertThat(decrypted.get(i)).as("packet %d", i).isEqualTo(plain.get(i).bytes());
        }

        Path again = dir.resolve("again.pcap");
        assertThat(run("srtp", "encrypt", "--suite", suite.sdpName(), "--key", key.toInline(), rtp.toString(),
                again.toString())).as(err.toString()).isZero();
        List<byte[]> libsrtps = payloads(srtp, linkType);
        List<byte[]> ours = payloads(again, linkType);
        for (int i = 0; i < libsrtps.size(); i++) {
            assertThat(ours.get(i)).as("packet %d re-encrypted", i).isEqualTo(libsrtps.get(i));
        }
    }

    @Test
    void wrongKeyIsReportedAsAuthenticationFailuresAndFiltersSelectPackets() throws Exception {
        SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
        Path srtp = dir.resolve("srtp.pcap");
        LibsrtpHelper.writePcap(key(suite, 1), 1, srtp, media(new Random(1), 100));
        Path rtp = dir.resolve("rtp.pcap");
        assertThat(run("srtp", "decrypt", "--suite", suite.sdpName(), "--key", key(suite, 2).toInline(),
                srtp.toString(), rtp.toString())).isZero();
        assertThat(out.toString()).contains("104 refused (AUTH_FAIL 104)").contains("104 packets failed authentication");
        assertThat(payloads(rtp, 1)).isEmpty();

        assertThat(run("srtp", "decrypt", "--suite", suite.sdpName(), "--key", key(suite, 2).toInline(),
                "--port", "7", srtp.toString(), rtp.toString())).isZero();
        assertThat(out.toString()).contains("104 other records copied unchanged");
        assertThat(run("srtp", "decrypt", "--suite", suite.sdpName(), "--key", key(suite, 1).toInline(),
                "--ssrc", "0x12345678", "--port", "50000", srtp.toString(), rtp.toString())).isZero();
        assertThat(out.toString()).contains("100 RTP and 0 RTCP packets decrypted");
    }

    private void assertBadInput(String expectedMessagePart, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run(args)).as(err.toString()).isEqualTo(2);
        String message = err.toString().strip();
        assertThat(message).doesNotContain("\n").contains(expectedMessagePart);
    }

    @Test
    void badInputsGetOneLineAndExitCode2() throws Exception {
        String key = key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1).toInline();
        Path good = dir.resolve("good.pcap");
        LibsrtpHelper.writePcap(key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1), 1, good, media(new Random(3), 10));
        String out = dir.resolve("out.pcap").toString();

        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a capture, just some text");
        assertBadInput("not a pcap file (magic 0x74686973", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80",
                "--key", key, text.toString(), out);

        Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        assertBadInput("not a pcap file (0 bytes", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80",
                "--key", key, empty.toString(), out);

        byte[] whole = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 50));
        assertBadInput("record 11 at byte", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80", "--key", key,
                cut.toString(), out);
        assertThat(err.toString()).contains("is truncated (header says");

        Path ng = Files.write(dir.resolve("capture.pcapng"), new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 28});
        assertBadInput("is a pcapng file", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80", "--key", key,
                ng.toString(), out);

        byte[] otherLink = whole.clone();
        otherLink[20] = 101; // LINKTYPE_RAW
        Path raw = Files.write(dir.resolve("raw.pcap"), otherLink);
        assertBadInput("link type 101 is not supported", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80",
                "--key", key, raw.toString(), out);

        assertBadInput("--key: key material is 46 bytes (expected: 30 for AES_CM_128_HMAC_SHA1_80)", "srtp",
                "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80", "--key",
                key(SrtpSuite.AES_256_CM_HMAC_SHA1_80, 1).toInline(), good.toString(), out);
        assertBadInput("--key: inline key is not valid base64", "srtp", "decrypt", "--suite",
                "AES_CM_128_HMAC_SHA1_80", "--key", "not*base64", good.toString(), out);
        assertBadInput("--suite: unknown suite 'AES_CM_128_HMAC_SHA1_99' (expected: one of AES_CM_128_HMAC_SHA1_80",
                "srtp", "encrypt", "--suite", "AES_CM_128_HMAC_SHA1_99", "--key", key, good.toString(), out);
        assertBadInput("no such file", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80", "--key", key,
                dir.resolve("missing.pcap").toString(), out);
        assertBadInput("--ssrc: 'abc' is not an SSRC", "srtp", "decrypt", "--suite", "AES_CM_128_HMAC_SHA1_80",
                "--key", key, "--ssrc", "abc", good.toString(), out);
    }

    @Test
    void recordClaimingAHugeLengthIsRefusedNotAllocated() throws IOException {
        byte[] header = new byte[24 + 16];
        header[0] = (byte) 0xd4;
        header[1] = (byte) 0xc3;
        header[2] = (byte) 0xb2;
        header[3] = (byte) 0xa1;
        header[20] = 1;
        header[24 + 8] = (byte) 0xff;
        header[24 + 9] = (byte) 0xff;
        header[24 + 10] = (byte) 0xff;
        header[24 + 11] = (byte) 0x7f;
        Path huge = Files.write(dir.resolve("huge.pcap"), header);
        assertBadInput("claims 2147483647 bytes (expected: at most 262144)", "srtp", "decrypt", "--suite",
                "AES_CM_128_HMAC_SHA1_80", "--key", key(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 1).toInline(),
                huge.toString(), dir.resolve("o.pcap").toString());
    }
}
