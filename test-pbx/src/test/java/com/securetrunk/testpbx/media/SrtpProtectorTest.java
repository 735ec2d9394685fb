package com.securetrunk.testpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** jitsi-srtp as used by the simulators: round trip, tag lengths, tamper and wrong-key rejection. */
class SrtpProtectorTest {
    private static final byte[] KEY_A = new byte[30];
    private static final byte[] KEY_B = new byte[30];

    static {
        for (int i = 0; i < 30; i++) {
            KEY_A[i] = (byte) i;
            KEY_B[i] = (byte) (0xA0 + i);
        }
    }

    private static byte[] rtp(int seq) {
        byte[] p = new byte[Rtp.HEADER + 160 + 16];
        Rtp.writeHeader(p, false, 0, seq, 160L * seq, 0x11223344);
        TestSignal.CALLER.encodeFrame(AudioCodec.PCMU, seq, p, Rtp.HEADER);
        return p;
    }

    /**
     * libSRTP's reference packet (test/srtp_driver.c, srtp_validate): default policy, master key||salt
     * e1f97a0d...aabe6, SSRC 0xcafebabe. Proves that the key||salt from SDP reaches jitsi-srtp in the right
     * order and that the simulators' SRTP matches libSRTP (and so Asterisk's res_srtp) byte for byte.
     */
    @Test
    void matchesLibsrtpReferencePacketForBothTagLengths() {
        java.util.HexFormat hex = java.util.HexFormat.of();
        byte[] key = hex.parseHex("e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6");
        String plain = "800f1234decafbadcafebabe" + "ab".repeat(16);
        String cipher80 = "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb";
        for (SrtpSuite suite : SrtpSuite.values()) {
            byte[] p = new byte[64];
            byte[] pt = hex.parseHex(plain);
            System.arraycopy(pt, 0, p, 0, pt.length);
            SrtpProtector sender = new SrtpProtector(suite, key, key);
            int len = sender.protect(p, pt.length);
            String expected = suite == SrtpSuite.AES_CM_128_HMAC_SHA1_80 ? cipher80
                    : cipher80.substring(0, 2 * (28 + 4));
            assertThat(hex.formatHex(Arrays.copyOf(p, len))).as(suite.name()).isEqualTo(expected);
            SrtpProtector receiver = new SrtpProtector(suite, key, key);
            assertThat(receiver.unprotect(p, len)).isEqualTo(pt.length);
            assertThat(hex.formatHex(Arrays.copyOf(p, pt.length))).isEqualTo(plain);
        }
    }

    @Test
    void roundTripWithBothTagLengths() {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpProtector sender = new SrtpProtector(suite, KEY_A, KEY_B);
            SrtpProtector receiver = new SrtpProtector(suite, KEY_B, KEY_A);
            for (int seq = 1; seq <= 5; seq++) {
                byte[] p = rtp(seq);
                byte[] plain = Arrays.copyOf(p, Rtp.HEADER + 160);
                int len = sender.protect(p, Rtp.HEADER + 160);
                assertThat(len).isEqualTo(Rtp.HEADER + 160 + suite.authTagLength());
                assertThat(Arrays.copyOfRange(p, Rtp.HEADER, Rtp.HEADER + 160))
                        .isNotEqualTo(Arrays.copyOfRange(plain, Rtp.HEADER, Rtp.HEADER + 160));
                assertThat(receiver.unprotect(p, len)).isEqualTo(Rtp.HEADER + 160);
                assertThat(Arrays.copyOf(p, Rtp.HEADER + 160)).isEqualTo(plain);
            }
        }
    }

    @Test
    void tamperedReplayedOrWrongKeyPacketsAreRejected() {
        SrtpProtector sender = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY_A, KEY_B);
        SrtpProtector receiver = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY_B, KEY_A);
        SrtpProtector stranger = new SrtpProtector(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY_B, KEY_B);
        byte[] p = rtp(1);
        int len = sender.protect(p, Rtp.HEADER + 160);
        byte[] copy = Arrays.copyOf(p, len);
        byte[] tampered = Arrays.copyOf(p, p.length);
        tampered[Rtp.HEADER + 7] ^= 0x40;
        assertThat(receiver.unprotect(tampered, len)).isEqualTo(-1);
        assertThat(stranger.unprotect(Arrays.copyOf(copy, p.length), len)).isEqualTo(-1);
        assertThat(receiver.unprotect(Arrays.copyOf(copy, p.length), len)).isEqualTo(Rtp.HEADER + 160);
        assertThat(receiver.unprotect(Arrays.copyOf(copy, p.length), len)).as("replay").isEqualTo(-1);
        assertThat(receiver.unprotect(new byte[8], 8)).isEqualTo(-1);
        assertThat(sender.toString()).contains("redacted").doesNotContain("0102");
    }
}
