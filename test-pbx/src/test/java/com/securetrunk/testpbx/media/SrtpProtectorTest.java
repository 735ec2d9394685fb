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
