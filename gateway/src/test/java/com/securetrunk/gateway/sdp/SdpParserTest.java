package com.securetrunk.gateway.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * RFC 8866 section 5: {@code <type>=<value>} lines, v= first. Tolerant reading, exact writing, errors at a line.
 */
class SdpParserTest {

    static final String OFFER = "v=0\r\n"
            + "o=- 1 2 IN IP4 198.51.100.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 198.51.100.1\r\n"
            + "t=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "c=IN IP6 2001:db8::1\r\n";

    @Test
    void crlfInputRoundTripsByteForByte() throws Exception {
        SessionDescription sdp = SdpParser.parse(OFFER);
        assertThat(SdpWriter.write(sdp)).isEqualTo(OFFER);
        assertThat(sdp.sessionLines()).hasSize(5);
        assertThat(sdp.media()).hasSize(2);
        assertThat(sdp.media().get(0).mediaLine()).isEqualTo(new MediaLine("audio", 4000, 0, "RTP/AVP", List.of("0", "101")));
        assertThat(sdp.media().get(1).mediaLine().port()).isZero();
    }

    @Test
    void lfOnlyInputIsReadAndWrittenWithCrlf() throws Exception {
        SessionDescription sdp = SdpParser.parse(OFFER.replace("\r\n", "\n"));
        assertThat(SdpWriter.write(sdp)).isEqualTo(OFFER);
    }

    @Test
    void missingFinalLineEndingAndBlankLinesAreTolerated() throws Exception {
        String sloppy = OFFER.substring(0, OFFER.length() - 2).replace("t=0 0\r\n", "t=0 0\r\n\r\n");
        assertThat(SdpWriter.write(SdpParser.parse(sloppy))).isEqualTo(OFFER);
    }

    @Test
    void trailingWhiteSpaceAndUnknownLinesPassThroughUntouched() throws Exception {
        String odd = "v=0 \r\no=- 1 2 IN IP4 198.51.100.1\r\ns=x \t\r\ny=unknown line type\r\nt=0 0\r\n"
                + "a=X-unknown-attr:foo  \r\nm=audio 4000/2 RTP/AVP 0\r\na=rtcp-mux\r\n";
        SessionDescription sdp = SdpParser.parse(odd);
        assertThat(SdpWriter.write(sdp)).isEqualTo(odd);
        assertThat(sdp.media().get(0).mediaLine().portCount()).isEqualTo(2);
    }

    @Test
    void connectionAtSessionOrMediaLevel() throws Exception {
        SessionDescription sdp = SdpParser.parse(OFFER);
        assertThat(sdp.connectionFor(0)).contains(new Connection("IN", "IP4", "198.51.100.1"));
        assertThat(sdp.connectionFor(1)).contains(new Connection("IN", "IP6", "2001:db8::1"));
        assertThat(sdp.origin().orElseThrow().sessionVersion()).isEqualTo("2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no version first       | s=-\\r\\nv=0                                   | 1 | v=0 as the first line",
        "uppercase type         | v=0\\r\\nS=-                                   | 2 | a line type letter a-z",
        "no equals sign         | v=0\\r\\ns-                                    | 2 | '=' after the line type",
        "space before equals    | v=0\\r\\ns =-                                  | 2 | '=' after the line type",
        "version 1              | v=1                                           | 1 | v=0",
        "short origin           | v=0\\r\\no=- 1 IN IP4 198.51.100.1             | 2 | 6 fields",
        "short connection       | v=0\\r\\nc=IN IP4                              | 2 | c=<nettype>",
        "port not a number      | v=0\\r\\nm=audio abc RTP/AVP 0                 | 2 | port 0-65535",
        "port too large         | v=0\\r\\nm=audio 70000 RTP/AVP 0               | 2 | port 0-65535",
        "media line too short   | v=0\\r\\nm=audio 4000                          | 2 | m=<media> <port> <proto>",
        "control character      | v=0\\r\\ns=a\\u0000b                            | 2 | no control characters",
        "empty body             | ''                                            | 0 | v=0 as the first line",
    })
    void errorsNameTheLineAndWhatWasExpected(String name, String text, int line, String expected) {
        String body = text.replace("\\r\\n", "\r\n").replace("\\u0000", "\0");
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(body));
        assertThat(e).as(name).isNotNull();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.expected()).contains(expected);
        assertThat(e.getMessage()).startsWith(line > 0 ? "SDP line " + line : "SDP");
        assertThat(e.toRejection().status()).isIn(400, 488);
    }

    @Test
    void limitsAreEnforcedBeforeWork() {
        SdpLimits small = new SdpLimits(1000, 10, 1, 100);
        assertThatThrownBy(() -> SdpParser.parse(OFFER, new SdpLimits(1000, 100, 1, 100))).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("at most 1 media sections");
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\ns=" + "x".repeat(200), small))
                .hasMessageContaining("a line of at most 100 characters");
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\n" + "a=x\r\n".repeat(20), small))
                .hasMessageContaining("at most 10 lines");
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse("v=0\r\n" + "x".repeat(2000), small));
        assertThat(e.kind()).isEqualTo(SdpParseException.Kind.LIMIT);
    }

    @Test
    void syntaxErrorBecomes400WithAWarningThatNamesTheLine() {
        SdpParseException e = catchThrowableOfType(SdpParseException.class,
                () -> SdpParser.parse("v=0\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP4\r\n"));
        Rejection r = e.toRejection();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.ruleId()).isEqualTo("sdp-syntax");
        assertThat(r.warningHeader("securetrunk")).isEqualTo(
                "399 securetrunk \"SDP line 4, column 3: expected c=<nettype> <addrtype> <connection-address>, found \\\"IN IP4\\\"\"");
    }

    @Test
    void keysNeverReachToStringOrErrorMessages() throws Exception {
        String key = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
        SessionDescription sdp = SdpParser.parse(OFFER + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|2^20\r\n");
        assertThat(sdp.toString()).doesNotContain(key).contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 <key-params redacted>");
        SdpParseException e = catchThrowableOfType(SdpParseException.class,
                () -> SdpParser.parse("v=0\r\na=crypto:1 X inline:" + key + "\0\r\n"));
        assertThat(e.getMessage()).doesNotContain(key);
    }

    @Test
    void directionAndHoldAddress() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n");
        assertThat(sdp.media().get(0).direction()).contains(Direction.SENDONLY);
        assertThat(sdp.connection().orElseThrow().isHoldAddress()).isTrue();
        assertThat(Direction.SENDONLY.answerTo()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.INACTIVE.answerTo()).isEqualTo(Direction.INACTIVE);
    }
}
