package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Arbitrary bytes into unprotect (SRTP and SRTCP). Input: {@code [suite selector][u16 length][packet]...};
 * the packets go, in order, through one receiver session keyed with bytes 0, 1, 2, ... so seeds can be
 * real packets (see {@code SrtpUnprotectFuzzTestInputs/}, produced by libsrtp with that key).
 *
 * <p>Properties, for every packet: a typed status and never an exception; nothing outside
 * {@code [offset, offset + length)} is written (guard bytes around the packet stay intact); a refused
 * packet is left byte-for-byte untouched (authentication before decryption); an accepted one shrank by
 * exactly the suite's overhead.
 *
 * <p>{@code mvn verify} replays the committed seeds (regression mode); {@code JAZZER_FUZZ=1} fuzzes.
 */
class SrtpUnprotectFuzzTest {
    private static final int GUARD = 24;

    @FuzzTest(maxDuration = "30s")
    void unprotectRtp(byte[] input) {
        run(input, false);
    }

    @FuzzTest(maxDuration = "30s")
    void unprotectRtcp(byte[] input) {
        run(input, true);
    }

    /** The committed "valid-stream" seeds must reach the accept path, or the fuzzer would start blind. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(SrtpSuite.class)
    void validSeedsAreAccepted(SrtpSuite suite) throws Exception {
        String name = "valid-stream-" + suite.sdpName().toLowerCase(java.util.Locale.ROOT);
        try (var rtp = getClass().getResourceAsStream("SrtpUnprotectFuzzTestInputs/unprotectRtp/" + name);
                var rtcp = getClass().getResourceAsStream("SrtpUnprotectFuzzTestInputs/unprotectRtcp/" + name)) {
            assertThat(run(rtp.readAllBytes(), false)).isEqualTo(3);
            assertThat(run(rtcp.readAllBytes(), true)).isEqualTo(2);
        }
    }

    /** Returns how many packets were accepted. */
    private static int run(byte[] input, boolean rtcp) {
        int accepted = 0;
        if (input.length < 1) {
            return 0;
        }
        SrtpSuite suite = SrtpSuite.values()[(input[0] & 0xff) % SrtpSuite.values().length];
        byte[] material = new byte[suite.keyMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        SrtpSession rx = SrtpSession.receiver(MasterKey.fromKeyMaterial(suite, material));
        int pos = 1;
        while (pos + 2 <= input.length) {
            int len = Math.min(((input[pos] & 0xff) << 8) | (input[pos + 1] & 0xff), input.length - pos - 2);
            byte[] packet = Arrays.copyOfRange(input, pos + 2, pos + 2 + len);
            pos += 2 + len;

            byte[] buffer = new byte[GUARD + len + GUARD];
            Arrays.fill(buffer, (byte) 0xA5);
            System.arraycopy(packet, 0, buffer, GUARD, len);
            PacketBuffer p = new PacketBuffer(buffer, GUARD, len);
            SrtpStatus status = rtcp ? rx.unprotectRtcp(p) : rx.unprotectRtp(p);

            assertThat(status).isNotNull();
            for (int i = 0; i < GUARD; i++) {
                assertThat(buffer[i]).as("guard byte before the packet").isEqualTo((byte) 0xA5);
                assertThat(buffer[GUARD + len + i]).as("guard byte after the packet").isEqualTo((byte) 0xA5);
            }
            if (status == SrtpStatus.OK) {
                int overhead = rtcp ? rx.rtcpOverhead() : rx.rtpOverhead();
                assertThat(p.length()).isEqualTo(len - overhead);
                assertThat(p.offset()).isEqualTo(GUARD);
                accepted++;
            } else {
                assertThat(Arrays.copyOfRange(buffer, GUARD, GUARD + len)).as("refused packet untouched")
                        .isEqualTo(packet);
                assertThat(p.length()).isEqualTo(len);
            }
        }
        return accepted;
    }
}
