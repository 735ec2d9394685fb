package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 3264 section 8: same o= session id on a leg, version +1 exactly when the SDP we send changed. */
class OriginVersionsTest {

    final Answerer answerer = new Answerer(new SrtpKeyGenerator());
    final SdesPolicy twilio = Policies.named("twilio-secure");

    @Test
    void versionMovesOnlyWhenWhatWeSendChanges() throws Exception {
        SessionDescription offer = SdpParser.parse(NegotiationFlowTest.TWILIO_OFFER);
        Answerer.Answered first = answerer.answer(offer, twilio, GoldenFixtureTest.RELAY, List.of());
        SessionDescription sent1 = OriginVersions.next(null, first.answer());
        // same offer again: same keys, same SDP, same version
        Answerer.Answered again = answerer.answer(offer, twilio, GoldenFixtureTest.RELAY, first.streams());
        SessionDescription sent2 = OriginVersions.next(sent1, again.answer());
        assertThat(SdpWriter.write(sent2)).isEqualTo(SdpWriter.write(sent1));
        // the peer re-keys but keeps its o= version: our answer changes, so our version goes up
        SessionDescription rekey = SdpParser.parse(NegotiationFlowTest.TWILIO_OFFER.replace(NegotiationFlowTest.TWILIO_KEY,
                "TmV3S2V5QWZ0ZXJSZUtleWluZ0ZvclRoaXNDYWxs"));
        SessionDescription sent3 = OriginVersions.next(sent2,
                answerer.answer(rekey, twilio, GoldenFixtureTest.RELAY, again.streams()).answer());
        assertThat(sent3.origin().orElseThrow().sessionVersion()).isEqualTo("6");
        assertThat(sent3.origin().orElseThrow().sessionId()).isEqualTo(sent1.origin().orElseThrow().sessionId());
    }

    @Test
    void hugeAndOddVersions() {
        assertThat(OriginVersions.increment("18446744073709551615")).isEqualTo("18446744073709551616");
        assertThat(OriginVersions.increment("x")).isEqualTo("1");
    }
}
