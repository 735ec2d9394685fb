package com.securetrunk.testpbx.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure codec: message = *( key ":" SP value CRLF ) CRLF, with Asterisk's limits. */
class AmiCodecTest {

    private static AmiRequestReader reader(String bytes) {
        return new AmiRequestReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encodesHeadersInOrderWithRepeatsAndABlankLine() {
        AmiMessage m = AmiMessage.builder().add("Response", "Success").actionId("x#1")
                .add("Output", "a").add("Output", "b").actionId("").build();
        assertThat(AmiCodec.encode(m)).isEqualTo("Response: Success\r\nActionID: x#1\r\nOutput: a\r\nOutput: b\r\n\r\n");
        assertThat(m.getAll("output")).containsExactly("a", "b");
    }

    @Test
    void parsesAtTheFirstColonSkippingBlanksAndLooksUpCaseInsensitively() {
        AmiMessage m = AmiCodec.parse(List.of("Action:   Originate", "Variable: A=b:c", "CallerID:\t\"x\" <1>",
                "garbage", "Empty:"));
        assertThat(m.actionName()).isEqualTo("originate");
        assertThat(m.get("VARIABLE")).isEqualTo("A=b:c");
        assertThat(m.get("callerid")).isEqualTo("\"x\" <1>");
        assertThat(m.get("Empty")).isEmpty();
        assertThat(m.has("garbage")).isTrue();
        assertThat(m.get("missing")).isEmpty();
    }

    @Test
    void readsConsecutiveRequestsThenEndOfStream() throws IOException {
        AmiRequestReader r = reader("Action: Ping\r\nActionID: 1\r\n\r\nAction: Logoff\n\n");
        assertThat(r.next().message().get("ActionID")).isEqualTo("1");
        assertThat(r.next().message().actionName()).isEqualTo("logoff");
        assertThat(r.next().kind()).isEqualTo(AmiRequestReader.Kind.END_OF_STREAM);
    }

    @Test
    void aTruncatedRequestIsEndOfStreamNotAMessage() throws IOException {
        assertThat(reader("Action: Ping\r\nActionID: 1\r\n").next().kind())
                .isEqualTo(AmiRequestReader.Kind.END_OF_STREAM);
    }

    @Test
    void lineLimitIs1024BytesAndTheReaderRecovers() throws IOException {
        String ok = "X: " + "a".repeat(AmiCodec.MAX_LINE_BYTES - 3);
        String tooLong = ok + "b";
        AmiRequestReader r = reader("Action: Ping\r\n" + ok + "\r\n\r\nAction: Ping\r\nActionID: 2\r\n" + tooLong
                + "\r\n\r\nAction: Ping\r\nActionID: 3\r\n\r\n");
        AmiRequestReader.Result first = r.next();
        assertThat(first.kind()).isEqualTo(AmiRequestReader.Kind.MESSAGE);
        assertThat(first.message().get("X")).hasSize(AmiCodec.MAX_LINE_BYTES - 3);
        AmiRequestReader.Result second = r.next();
        assertThat(second.kind()).isEqualTo(AmiRequestReader.Kind.LINE_TOO_LONG);
        assertThat(second.message().get("ActionID")).isEqualTo("2");
        assertThat(r.next().message().get("ActionID")).isEqualTo("3");
    }

    @Test
    void headerLimitIs128Lines() throws IOException {
        StringBuilder ok = new StringBuilder("Action: Ping\r\n");
        for (int i = 1; i < AmiCodec.MAX_HEADERS; i++) {
            ok.append("H").append(i).append(": v\r\n");
        }
        assertThat(reader(ok + "\r\n").next().kind()).isEqualTo(AmiRequestReader.Kind.MESSAGE);
        assertThat(reader(ok + "One: more\r\n\r\n").next().kind()).isEqualTo(AmiRequestReader.Kind.TOO_MANY_LINES);
    }

    @Test
    void eventMasksFollowStringsToMask() {
        assertThat(EventClass.parseMask("on")).isEqualTo(EventClass.ALL);
        assertThat(EventClass.parseMask("off")).isZero();
        assertThat(EventClass.parseMask("system,call")).isEqualTo(EventClass.SYSTEM.bit() | EventClass.CALL.bit());
        assertThat(EventClass.parseMask("call,nonsense")).isEqualTo(EventClass.CALL.bit());
        assertThat(EventClass.parseMask("")).isEqualTo(-1);
        assertThat(EventClass.CALL.privilege()).isEqualTo("call,all");
    }

    @Test
    void secretsNeverReachToString() {
        AmiMessage login = AmiMessage.builder().add("Action", "Login").add("Secret", "gwsecret")
                .add("Key", "0123").build();
        assertThat(login.toString()).doesNotContain("gwsecret", "0123").contains("<redacted>");
        assertThat(new ManagerUser("u", "pw").toString()).doesNotContain("pw");
    }
}
