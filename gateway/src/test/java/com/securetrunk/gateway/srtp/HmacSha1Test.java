package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both HMAC paths (pad states kept / pads re-hashed) against RFC 2202 and javax.crypto.Mac. */
class HmacSha1Test {

    /** Surefire opens sun.security.provider like the jar's manifest does: the fast path must be live. */
    @Test
    void padStatesAreAvailableWhenTheJdkIsOpenedToUs() {
        assertThat(Sha1PadState.AVAILABLE).as("Sha1PadState self-test (needs --add-opens "
                + "java.base/sun.security.provider=ALL-UNNAMED)").isTrue();
        assertThat(new HmacSha1(new byte[20]).keepsPadStates()).isTrue();
    }

    /** RFC 2202 section 3, test cases 1, 2, 3 and 6 (key longer than a block). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rfc2202Vectors(boolean keepPadStates) {
        byte[] out = new byte[20];
        byte[] key1 = new byte[20];
        Arrays.fill(key1, (byte) 0x0b);
        mac(key1, "Hi There".getBytes(StandardCharsets.US_ASCII), keepPadStates, out);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
        mac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), keepPadStates, out);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        byte[] key3 = new byte[20];
        Arrays.fill(key3, (byte) 0xaa);
        byte[] data3 = new byte[50];
        Arrays.fill(data3, (byte) 0xdd);
        mac(key3, data3, keepPadStates, out);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("125d7342b9ac11cd91a39af48aa17b4f63f175d3");
        byte[] key6 = new byte[80];
        Arrays.fill(key6, (byte) 0xaa);
        mac(key6, "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII),
                keepPadStates, out);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("aa4ae5e15272d00e95705637ce8a3b55ed402112");
    }

    private static void mac(byte[] key, byte[] data, boolean keepPadStates, byte[] out) {
        HmacSha1 h = new HmacSha1(key, keepPadStates);
        h.mac(data, 0, data.length, false, 0, out, 0);
        h.mac(data, 0, data.length, false, 0, out, 0); // reused instance gives the same answer
    }

    @Test
    void bothPathsMatchJceMacOnRandomPacketsWithRoc() throws Exception {
        Random rnd = new Random(2202);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[20];
            rnd.nextBytes(key);
            byte[] packet = new byte[rnd.nextInt(1500)];
            rnd.nextBytes(packet);
            int roc = rnd.nextInt();
            Mac jce = Mac.getInstance("HmacSHA1");
            jce.init(new SecretKeySpec(key, "HmacSHA1"));
            jce.update(packet);
            jce.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
            byte[] expected = jce.doFinal();
            for (boolean keep : new boolean[] {true, false}) {
                byte[] out = new byte[25];
                new HmacSha1(key, keep).mac(packet, 0, packet.length, true, roc, out, 3);
                assertThat(Arrays.copyOfRange(out, 3, 23)).isEqualTo(expected);
            }
        }
    }
}
