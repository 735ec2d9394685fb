package com.securetrunk.gateway.app.sdp;

import com.securetrunk.gateway.app.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' tools through the real picocli root command, on real built-in profiles. */
class SdpCommandTest {

    static final String FIXTURES = "src/test/resources/fixtures/sdp/";

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        CommandLine sdp = cmd.getSubcommands().get("sdp");
        ((SdpRewriteCommand) sdp.getSubcommands().get("rewrite").getCommand()).in =
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        ((SdpAnswerCommand) sdp.getSubcommands().get("answer").getCommand()).in =
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String fixture(String name) throws Exception {
        return Files.readString(Paths.get(FIXTURES + name));
    }

    @Test
    void rewriteTowardSecurePrintsTheSrtpOffer() throws Exception {
        Run r = run(fixture("asterisk-chan_sip-plain-offer-to-twilio/offer.in.sdp"),
                "sdp", "rewrite", "--toward", "secure", "--profile", "twilio-secure", "--relay-address", "203.0.113.77",
                "--relay-port", "31000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("m=audio 31000 RTP/SAVP 0 101\r\n", "c=IN IP4 203.0.113.77\r\n")
                .containsPattern("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}\r\n")
                .containsPattern("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:[A-Za-z0-9+/]{40}\r\n");
    }

    @Test
    void rewriteTowardLegacyPrintsPlainRtp() throws Exception {
        Run r = run(fixture("twilio-secure-offer-answered/offer.in.sdp"),
                "sdp", "rewrite", "--toward", "legacy", "--profile", "asterisk-chan_sip", "--from-profile", "twilio-secure");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("m=audio 20000 RTP/AVP 0 8 101\r\n", "c=IN IP4 192.0.2.10\r\n").doesNotContain("crypto");
    }

    @Test
    void answerPrintsOneCryptoLineWithTheOfferersTag() throws Exception {
        Run r = run(fixture("pjsua-2.5-unknown-suite-names-skipped/offer.in.sdp"), "sdp", "answer", "--profile", "pjsip-2.5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().split("a=crypto:", -1)).hasSize(2);
        assertThat(r.out()).containsPattern("a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}\r\n");
    }

    @Test
    void refusalExitsThreeWithStatusAndReason() throws Exception {
        Run r = run(fixture("asterisk-chan_sip-plain-offer-refused-by-twilio-rules/offer.in.sdp"),
                "sdp", "answer", "--profile", "twilio-secure");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("488 Not Acceptable Here [srtp-required]: plain RTP/AVP offered but SRTP is required by profile twilio-secure")
                .contains("Warning: 302 securetrunk \"plain RTP/AVP offered");
    }

    @Test
    void brokenSdpExitsThreeWith400AndTheLine() {
        Run r = run("v=0\r\nm=audio x RTP/AVP 0\r\n", "sdp", "rewrite", "--toward", "secure", "--profile", "twilio-secure");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("400 Bad Request [sdp-syntax]: SDP line 2");
    }

    @Test
    void unknownProfileIsAUsageError() {
        Run r = run("v=0\r\n", "sdp", "answer", "--profile", "no-such");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no profile named 'no-such'; known profiles: ", "twilio-secure");
    }
}
