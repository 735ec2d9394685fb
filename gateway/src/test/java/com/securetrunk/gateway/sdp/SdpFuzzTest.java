package com.securetrunk.gateway.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.negotiation.Answerer;
import com.securetrunk.gateway.sdp.negotiation.AnswerReader;
import com.securetrunk.gateway.sdp.negotiation.MediaStreamKeys;
import com.securetrunk.gateway.sdp.negotiation.NegotiationRefused;
import com.securetrunk.gateway.sdp.negotiation.OfferForwarder;
import com.securetrunk.gateway.sdp.negotiation.PendingOffer;
import com.securetrunk.gateway.sdp.negotiation.Relay;
import com.securetrunk.gateway.sdp.negotiation.SdesPolicies;
import com.securetrunk.gateway.sdp.negotiation.SrtpKeyGenerator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests (STYLE habit 10): "either the typed failure, or a value whose write() parses back equal".
 * Under {@code mvn verify} they run in regression mode over the committed seed corpus in
 * {@code src/test/resources/com/securetrunk/gateway/sdp/SdpFuzzTestInputs/<method>/} (the golden fixtures, the
 * real pjsua/Asterisk bodies and crafted edge cases). To fuzz: {@code JAZZER_FUZZ=1 mvn -pl gateway test
 * -Dtest=SdpFuzzTest#sdpParser}; name any finding after its issue and add it to the corpus.
 */
class SdpFuzzTest {

    private static final SrtpKeyGenerator KEYS = new SrtpKeyGenerator();
    private static final Relay RELAY = new Relay("203.0.113.10", 30000);

    @FuzzTest(maxDuration = "30s")
    void sdpParser(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(text);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotEmpty();
            assertThat(e.toRejection().status()).isIn(400, 488);
            return;
        }
        String written = SdpWriter.write(sdp);
        SessionDescription again;
        try {
            again = SdpParser.parse(written);
        } catch (SdpParseException e) {
            throw new AssertionError("written SDP does not parse back: " + e.getMessage(), e);
        }
        assertThat(again).isEqualTo(sdp);
        // the negotiation on anything that parses: an answer or a refusal value, nothing else
        for (var policy : List.of(SdesPolicies.TWILIO_SECURE, SdesPolicies.PERMISSIVE, SdesPolicies.LEGACY_PLAIN)) {
            try {
                Answerer.Answered a = new Answerer(KEYS).answer(sdp, policy, RELAY, List.of());
                assertThat(a.answer().media()).hasSameSizeAs(sdp.media());
                SdpParser.parse(SdpWriter.write(a.answer()));
            } catch (NegotiationRefused e) {
                assertThat(e.rejection().status()).isEqualTo(488);
            } catch (SdpParseException e) {
                throw new AssertionError("our answer does not parse: " + e.getMessage(), e);
            }
            try {
                OfferForwarder.Forwarded f = new OfferForwarder(KEYS).forward(sdp, SdesPolicies.PERMISSIVE, policy, RELAY, null);
                SdpParser.parse(SdpWriter.write(f.offer()));
            } catch (NegotiationRefused e) {
                assertThat(e.rejection().status()).isEqualTo(488);
            } catch (SdpParseException e) {
                throw new AssertionError("our offer does not parse: " + e.getMessage(), e);
            }
        }
        // the same body as the far side's answer to a one-stream SRTP offer of ours
        try {
            List<MediaStreamKeys> keys = AnswerReader.read(sdp, PENDING, SdesPolicies.TWILIO_SECURE, null);
            assertThat(keys).hasSize(1);
        } catch (NegotiationRefused e) {
            assertThat(e.rejection().status()).isEqualTo(488);
        }
    }

    private static final PendingOffer PENDING = pending();

    private static PendingOffer pending() {
        try {
            return new OfferForwarder(KEYS).forward(SdpParser.parse("v=0\r\no=- 1 1 IN IP4 198.51.100.1\r\ns=-\r\n"
                    + "c=IN IP4 198.51.100.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\n"), SdesPolicies.LEGACY_PLAIN,
                    SdesPolicies.TWILIO_SECURE, RELAY, null).pending();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void cryptoParser(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        CryptoAttribute c;
        try {
            c = CryptoAttribute.parse(value, 1);
        } catch (SdpParseException e) {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isBetween(10, 10 + value.length());
            return;
        }
        try {
            assertThat(CryptoAttribute.parse(c.toValue(), 1)).isEqualTo(c);
        } catch (SdpParseException e) {
            throw new AssertionError("written crypto value does not parse back: " + e.getMessage(), e);
        }
    }
}
