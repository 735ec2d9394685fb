package com.securetrunk.gateway.media.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BEP 3 bencode: {@code i<n>e}, {@code <len>:<bytes>}, {@code l...e}, {@code d...e} with sorted string keys. */
class BencodeTest {
    private static Object decode(String s) {
        return Bencode.decode(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String encode(Object o) {
        return new String(Bencode.encode(o), StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesEveryType() {
        assertThat(decode("i42e")).isEqualTo(42L);
        assertThat(decode("i-7e")).isEqualTo(-7L);
        assertThat(decode("i0e")).isEqualTo(0L);
        assertThat(decode("4:spam")).isEqualTo("spam");
        assertThat(decode("0:")).isEqualTo("");
        assertThat(decode("l4:spami42ee")).isEqualTo(List.of("spam", 42L));
        assertThat(decode("d3:cow3:moo4:spaml1:a1:bee")).isEqualTo(Map.of("cow", "moo", "spam", List.of("a", "b")));
    }

    @Test
    void encodesWithKeysSortedAsRawBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sdp", "v=0\r\n");
        m.put("call-id", "x");
        m.put("Z", 1);
        m.put("command", "offer");
        assertThat(encode(m)).isEqualTo("d1:Zi1e7:call-id1:x7:command5:offer3:sdp5:v=0\r\ne");
        assertThat(encode(List.of(1L, "ab", List.of()))).isEqualTo("li1e2:ablee");
    }

    @Test
    void binaryStringsRoundTripByteForByte() {
        byte[] raw = new byte[256];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        byte[] enc = Bencode.encode(Map.of("k", raw));
        String back = (String) ((Map<?, ?>) Bencode.decode(enc)).get("k");
        assertThat(back.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(raw);
    }

    @Test
    void anNgRequestAsRtpengineClientsSendIt() {
        String wire = "d7:call-id6:call-17:command5:offer8:from-tag2:a13:ICE6:remove7:replacel6:origin18:session-connectione3:sdp3:v=0e";
        @SuppressWarnings("unchecked")
        Map<String, Object> req = (Map<String, Object>) decode(wire);
        assertThat(req).containsEntry("command", "offer").containsEntry("ICE", "remove")
                .containsEntry("replace", List.of("origin", "session-connection"));
        assertThat(encode(req)).isEqualTo("d3:ICE6:remove7:call-id6:call-17:command5:offer8:from-tag2:a1"
                + "7:replacel6:origin18:session-connectione3:sdp3:v=0e");
    }

    @Test
    void malformedInputIsRefusedWithThePosition() {
        assertThatThrownBy(() -> decode("d7:command4:pin")).isInstanceOf(BencodeException.class)
                .hasMessageContaining("at byte 10").hasMessageContaining("string length <=");
        assertThatThrownBy(() -> decode("i12")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> decode("ie")).hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> decode("i1x2e")).hasMessageContaining("at byte 2").hasMessageContaining("'x'");
        assertThatThrownBy(() -> decode("-1:a")).hasMessageContaining("expected 'i', 'l', 'd' or a string length");
        assertThatThrownBy(() -> decode("99999999999:a")).hasMessageContaining("string length");
        assertThatThrownBy(() -> decode("di1e1:ae")).hasMessageContaining("a string key");
        assertThatThrownBy(() -> decode("d1:ai1e1:ai2ee")).hasMessageContaining("duplicate key 'a'");
        assertThatThrownBy(() -> decode("i1ei2e")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> decode("i99999999999999999999e")).hasMessageContaining("at most 19 digits");
        assertThatThrownBy(() -> decode("")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> decode("x")).hasMessageContaining("'x'");
    }

    @Test
    void nestingIsBounded() {
        String deep = "l".repeat(Bencode.MAX_DEPTH + 2) + "e".repeat(Bencode.MAX_DEPTH + 2);
        assertThatThrownBy(() -> decode(deep)).hasMessageContaining("nesting depth");
        String ok = "l".repeat(Bencode.MAX_DEPTH) + "e".repeat(Bencode.MAX_DEPTH);
        assertThat(decode(ok)).isInstanceOf(List.class);
    }

    @Test
    void framingSplitsTheCookie() {
        NgFrame f = NgFrame.parse("5123_1 d7:command4:pinge".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(f.cookie()).isEqualTo("5123_1");
        assertThat(Bencode.decode(f.body(), f.bodyOffset())).isEqualTo(Map.of("command", "ping"));
        assertThatThrownBy(() -> NgFrame.parse("nospace".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("expected '<cookie> <bencoded dictionary>'");
        assertThatThrownBy(() -> NgFrame.parse(" d4:teste".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("cookie");
    }
}
