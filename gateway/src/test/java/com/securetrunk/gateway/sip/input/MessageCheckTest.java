package com.securetrunk.gateway.sip.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The verdict on single messages (RFC 4475 section 3.1.2 kinds), and the response rendered for the answerable ones:
 * what passes must be what JAIN-SIP RI takes, what is refused must name why.
 */
class MessageCheckTest {
    private static final String INVITE = """
            INVITE sip:bob@example.test SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r
            Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK-0\r
            From: <sip:alice@example.test>;tag=a1\r
            To: <sip:bob@example.test>\r
            Call-ID: c1@192.0.2.1\r
            CSeq: 1 INVITE\r
            Max-Forwards: 70\r
            Content-Type: application/sdp\r
            Content-Length: 5\r
            \r
            v=0\r
            """;

    private final MessageCheck check = new MessageCheck(2048);

    private Verdict inspect(String msg, boolean datagram) {
        byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
        return check.inspect(b, b.length, datagram);
    }

    private static String render(Verdict v) {
        return new String(ErrorResponse.render(v.message(), v.status(), v.reasonPhrase(), "gw.example.test", v.reason()),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void aValidRequestAResponseAndAKeepAlivePass() {
        assertThat(inspect(INVITE, true).passes()).isTrue();
        assertThat(inspect(INVITE.replace("Via:", "v:").replace("Call-ID:", "i:"), false).passes()).as("compact forms").isTrue();
        assertThat(inspect("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\nFrom: <sip:a@x>;tag=1\r\n"
                + "To: <sip:b@x>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n", true).passes()).isTrue();
        assertThat(inspect("\r\n\r\n", true).passes()).isTrue();
        assertThat(inspect(INVITE.replace("Max-Forwards: 70", "Date: not a date"), true).passes())
                .as("an optional header that does not parse is kept unparsed, as the stack does").isTrue();
    }

    @Test
    void anUnknownSipVersionIs505() {
        Verdict v = inspect(INVITE.replace("bob@example.test SIP/2.0", "bob@example.test SIP/7.0"), true);
        assertThat(v.status()).isEqualTo(505);
        assertThat(render(v)).startsWith("SIP/2.0 505 Version Not Supported\r\n")
                .contains("Warning: 399 gw.example.test \"SIP version SIP/7.0 not supported (only SIP/2.0)\"\r\n");
    }

    @Test
    void aBrokenMandatoryHeaderIs400NamingItWithTheRequestsHeadersEchoed() {
        Verdict v = inspect(INVITE.replace("CSeq: 1 INVITE", "CSeq: abc INVITE"), false);
        assertThat(v.status()).isEqualTo(400);
        assertThat(v.reason()).startsWith("malformed CSeq header");
        String r = render(v);
        assertThat(r).startsWith("SIP/2.0 400 Bad Request\r\n"
                        + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\nVia: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK-0\r\n"
                        + "From: <sip:alice@example.test>;tag=a1\r\nTo: <sip:bob@example.test>;tag=")
                .contains("\r\nCall-ID: c1@192.0.2.1\r\nCSeq: abc INVITE\r\nWarning: 399 gw.example.test \"malformed CSeq header")
                .endsWith("\r\nContent-Length: 0\r\n\r\n");
        assertThat(inspect(INVITE.replace("CSeq: 1 INVITE", "CSeq: 36893488147419103232 INVITE"), true).reason())
                .startsWith("malformed CSeq header");
        assertThat(inspect(INVITE.replace("From: <sip:alice@example.test>;tag=a1", "From: \"Bob <sip:alice@example.test>;tag=a1"), true)
                .reason()).startsWith("malformed From header");
        assertThat(inspect(INVITE.replace("Content-Length: 5", "Content-Length: -999"), true).reason())
                .startsWith("malformed Content-Length header");
    }

    @Test
    void missingHeadersAMethodMismatchAHostlessUriAndALineWithoutColonAre400() {
        assertThat(inspect(INVITE.replaceAll("(?m)^(From|To):.*\r\n", ""), true).reason()).isEqualTo("missing From and To headers");
        assertThat(inspect(INVITE.replace("CSeq: 1 INVITE", "CSeq: 1 OPTIONS"), true).reason())
                .isEqualTo("CSeq method OPTIONS differs from the request method INVITE");
        assertThat(inspect(INVITE.replace("sip:bob@example.test SIP", "sip:@ SIP"), true).status()).isEqualTo(400);
        Verdict colon = inspect(INVITE.replace("Max-Forwards: 70", "Max-Forwards 70"), true);
        assertThat(colon.status()).isEqualTo(400);
        assertThat(colon.reason()).isEqualTo("header line without ':' (Max-Forwards 70)");
    }

    @Test
    void aDatagramShorterThanItsContentLengthIs400ButAStreamFrameIsNotJudgedSo() {
        String longer = INVITE.replace("Content-Length: 5", "Content-Length: 9999");
        assertThat(inspect(longer, true).reason()).isEqualTo("Content-Length 9999 larger than the 5-byte body of the datagram");
        assertThat(inspect(longer, false).passes()).isTrue();
    }

    @Test
    void unanswerableRequestsResponsesAcksAndGarbageAreDropped() {
        assertThat(inspect(INVITE.replaceAll("(?m)^Call-ID:.*\r\n", ""), true).status()).as("no Call-ID").isEqualTo(-1);
        assertThat(inspect(INVITE.replaceAll("(?m)^Via:.*\r\n", ""), true).status()).as("no Via").isEqualTo(-1);
        assertThat(inspect(INVITE.replaceAll("(?m)^CSeq:.*\r\n", ""), true).status()).as("no CSeq").isEqualTo(-1);
        assertThat(inspect(INVITE.replace("INVITE sip", "ACK sip").replace("1 INVITE", "1 ACK").replace("SIP/2.0\r", "SIP/7.0\r"), true)
                .status()).as("an ACK is never answered").isEqualTo(-1);
        assertThat(inspect("SIP/2.0 2000 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK-x\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n\r\n", true)
                .status()).isEqualTo(-1);
        assertThat(inspect("SIP/2.0 180\r\n\r\n", true).status()).isEqualTo(-1);
        Verdict http = inspect("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertThat(http.status()).isEqualTo(-1);
        assertThat(http.closeStream()).as("not SIP: the stream is not trusted further").isTrue();
        assertThat(inspect("INVITE sip:\0\0\0@127.0.0.1 SIP/2.0\r\n\r\n", true).status()).isEqualTo(-1);
        byte[] random = new byte[1200];
        new java.util.Random(4475).nextBytes(random);
        assertThat(check.inspect(random, random.length, true).status()).isEqualTo(-1);
    }

    @Test
    void overTheSizeLimitIs413NamingTheLimitAndClosesTheStream() {
        String big = INVITE.replace("Max-Forwards: 70", "Max-Forwards: 70\r\nSubject: " + "x".repeat(3000));
        Verdict v = inspect(big, true);
        assertThat(v.status()).isEqualTo(413);
        assertThat(v.closeStream()).isTrue();
        assertThat(render(v)).startsWith("SIP/2.0 413 Request Entity Too Large\r\n")
                .contains("Warning: 399 gw.example.test \"message of " + big.length()
                        + " bytes over limits.max-sip-message-size (2048 bytes)\"");
        assertThat(inspect(big.replaceAll("(?m)^Call-ID:.*\r\n", ""), true).status()).as("oversized and unanswerable").isEqualTo(-1);
    }
}
