package com.securetrunk.testpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** G.711 against fixed points of the recommendation's tables and its round-trip/monotonic properties. */
class G711Test {

    @Test
    void knownCodeWords() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int b = 0; b < 256; b++) {
            if (b != 0x7F) { // mu-law has a negative zero that encodes back as positive zero
                assertThat(G711.linearToUlaw(G711.ulawToLinear((byte) b))).as("ulaw %02x", b).isEqualTo((byte) b);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) b))).as("alaw %02x", b).isEqualTo((byte) b);
        }
    }

    @Test
    void quantisationIsMonotonicAndBounded() {
        for (AudioCodec codec : AudioCodec.values()) {
            int previous = Integer.MIN_VALUE;
            for (int x = -32768; x <= 32767; x++) {
                int y = codec.decode(codec.encode(x));
                assertThat(y).as("%s monotonic at %d", codec, x).isGreaterThanOrEqualTo(previous);
                assertThat(Math.abs(y - x)).as("%s error at %d", codec, x).isLessThanOrEqualTo(Math.max(1024,
                        Math.abs(x) / 15));
                previous = y;
            }
        }
    }
}
