package com.securetrunk.testpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 3261 message syntax as the UA reads and writes it. */
class SipMessageTest {

    private static SipMessage parse(String s) throws SipParseException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return SipMessage.parse(b, 0, b.length);
    }

    @Test
    void compactFormsFoldingAndCommaJoinedVias() throws Exception {
        SipMessage m = parse("INVITE sip:bob@example.test SIP/2.0\r\n"
                + "v: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa, SIP/2.0/TCP 192.0.2.2;branch=z9hG4bKb\r\n"
                + "f: \"Alice, A.\" <sip:alice@example.test>;tag=1\r\n"
                + "t: <sip:bob@example.test>\r\n"
                + "i: abc@192.0.2.1\r\n"
                + "CSeq: 7\r\n  INVITE\r\n"
                + "c: application/sdp\r\n"
                + "l: 5\r\n\r\nv=0\r\n");
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.headers("Via")).hasSize(2);
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKa");
        assertThat(m.callId()).isEqualTo("abc@192.0.2.1");
        assertThat(m.cseqNumber()).isEqualTo(7);
        assertThat(m.cseqMethod()).isEqualTo("INVITE");
        assertThat(NameAddr.tag(m.header("From"))).isEqualTo("1");
        assertThat(NameAddr.uri(m.header("From"))).isEqualTo("sip:alice@example.test");
        assertThat(m.bodyText()).isEqualTo("v=0\r\n");
        SipMessage again = SipMessage.parse(m.toBytes(), 0, m.toBytes().length);
        assertThat(again.toString()).isEqualTo(m.toString());
    }

    @Test
    void responseLine() throws Exception {
        SipMessage m = parse("SIP/2.0 488 Not Acceptable Here\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
        assertThat(m.isRequest()).isFalse();
        assertThat(m.status()).isEqualTo(488);
        assertThat(m.reason()).isEqualTo("Not Acceptable Here");
    }

    @Test
    void malformedInputGivesATypedErrorThatSaysWhatWasFound() {
        assertThatThrownBy(() -> parse("HELLO\r\n\r\n")).isInstanceOf(SipParseException.class)
                .hasMessageContaining("start line").hasMessageContaining("HELLO");
        assertThatThrownBy(() -> parse("SIP/2.0 99 Bad\r\n\r\n")).isInstanceOf(SipParseException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> parse("OPTIONS sip:a SIP/2.0\r\nContent-Length: x\r\n\r\n"))
                .hasMessageContaining("Content-Length").hasMessageContaining("'x'");
        assertThatThrownBy(() -> parse("OPTIONS sip:a SIP/2.0\r\nContent-Length: 10\r\n\r\nabc"))
                .hasMessageContaining("10").hasMessageContaining("3 body bytes");
        assertThatThrownBy(() -> parse("OPTIONS sip:a SIP/2.0\r\nNoColon\r\n\r\n")).hasMessageContaining("NoColon");
        assertThatThrownBy(() -> parse("OPTIONS sip:a SIP/2.0\r\n")).hasMessageContaining("CRLF CRLF");
    }

    @Test
    void uris() throws Exception {
        SipUri u = SipUri.parse("sip:jack@example.com;secure=true");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(u.port()).isEqualTo(-1);
        assertThat(u.param("secure")).isEqualTo("true");
        SipUri v6 = SipUri.parse("sips:[::1]:5061;transport=tls");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(5061);
        assertThat(v6.user()).isNull();
        assertThatThrownBy(() -> SipUri.parse("tel:+1555")).hasMessageContaining("tel");
        assertThatThrownBy(() -> SipUri.parse("sip:a@host:99999")).hasMessageContaining("1-65535");
    }

    @Test
    void digestResponseMatchesRfc2617Example() {
        // RFC 2617 section 3.5
        String r = DigestAuth.response("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");
        assertThat(r).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void digestRoundTripAndRefusals() {
        String challenge = DigestAuth.challenge("sip.example.test", "n1");
        String auth = DigestAuth.authorization(challenge, "trunk", "pw", "INVITE", "sip:bob@x");
        var ok = DigestAuth.verify(auth, "INVITE", java.util.Map.of("trunk", "pw"), "sip.example.test", "n1"::equals);
        var wrong = DigestAuth.verify(auth, "INVITE", java.util.Map.of("trunk", "other"), "sip.example.test",
                "n1"::equals);
        var stale = DigestAuth.verify(auth, "INVITE", java.util.Map.of("trunk", "pw"), "sip.example.test",
                "n2"::equals);
        assertThat(ok).isEqualTo(DigestAuth.Verdict.OK);
        assertThat(wrong).isEqualTo(DigestAuth.Verdict.WRONG);
        assertThat(stale).isEqualTo(DigestAuth.Verdict.STALE);
        assertThat(DigestAuth.verify(null, "INVITE", java.util.Map.of(), "r", n -> true))
                .isEqualTo(DigestAuth.Verdict.MISSING);
    }
}
