package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whole calls: legacy -> secure and back, re-INVITEs, per-stream rejection, what the relay gets. */
class NegotiationFlowTest {

    static final Relay SECURE_SIDE = new Relay("203.0.113.10", 40000);
    static final Relay LEGACY_SIDE = new Relay("192.0.2.10", 20000);
    static final String PBX_OFFER = "v=0\r\no=root 100 100 IN IP4 198.51.100.40\r\ns=Asterisk PBX\r\nc=IN IP4 198.51.100.40\r\n"
            + "t=0 0\r\nm=audio 13354 RTP/AVP 0 8 96\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
    static final String TWILIO_KEY = "Q2hhbmdlVGhpc0tleUZvckZpeHR1cmVzT25seTAx";
    static final String TWILIO_OFFER = "v=0\r\no=root 5 5 IN IP4 198.51.100.50\r\ns=Twilio\r\nc=IN IP4 198.51.100.50\r\n"
            + "t=0 0\r\nm=audio 16432 RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\na=sendrecv\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + TWILIO_KEY + "\r\n";

    final SrtpKeyGenerator keys = new SrtpKeyGenerator();
    final SdesPolicy twilio = Policies.named("twilio-secure");
    final SdesPolicy pbx = Policies.named("asterisk-chan_sip");

    @Test
    void legacyToSecureAndBack() throws Exception {
        SessionDescription pbxOffer = SdpParser.parse(PBX_OFFER);
        OfferForwarder.Forwarded f = new OfferForwarder(keys).forward(pbxOffer, pbx, twilio, SECURE_SIDE, null);
        MediaDescription out = f.offer().media().get(0);
        assertThat(out.mediaLine().proto()).isEqualTo("RTP/SAVP");
        assertThat(out.mediaLine().formats()).containsExactly("0", "8", "101"); // telephone-event 96 -> 101 for Twilio
        List<CryptoAttribute> offered = out.attributes("crypto").stream()
                .map(l -> parseCrypto(l.asAttribute().value())).toList();
        assertThat(offered).extracting(CryptoAttribute::tag).containsExactly(1, 2);
        assertThat(offered).extracting(CryptoAttribute::suiteName)
                .containsExactly("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
        assertThat(offered).allSatisfy(c -> {
            assertThat(c.keyParams()).hasSize(1);
            assertThat(c.keyParams().get(0).mki()).isNull();
            assertThat(c.keyParams().get(0).lifetime()).isNull();
            assertThat(c.sessionParams()).isEmpty();
        });
        assertThat(offered.get(0).keyParams().get(0).keySalt()).isNotEqualTo(offered.get(1).keyParams().get(0).keySalt());

        // Twilio answers with tag 2 (_32) and its own key, telephone-event 101
        String theirKey = "VHdpbGlvQW5zd2VyS2V5Rm9yVGFnMlRlc3RYWFhY";
        SessionDescription farAnswer = SdpParser.parse("v=0\r\no=root 9 9 IN IP4 198.51.100.50\r\ns=Twilio\r\n"
                + "c=IN IP4 198.51.100.50\r\nt=0 0\r\nm=audio 18000 RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + theirKey + "\r\n");
        List<MediaStreamKeys> secureLeg = AnswerReader.read(farAnswer, f.pending(), twilio, null);
        MediaStreamKeys s = secureLeg.get(0);
        assertThat(s.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(s.ours()).isEqualTo(f.pending().streams().get(0).keysByTag().get(2));
        assertThat(s.theirs().toInline()).isEqualTo(theirKey);
        assertThat(s.newContexts()).isTrue();
        assertThat(s.telephoneEventPt()).isEqualTo(101);

        // the PBX gets plain RTP/AVP from the relay, with its own telephone-event number back
        Answerer.Answered toPbx = new Answerer(keys).answerFrom(pbxOffer, pbx, farAnswer, f.pending(), LEGACY_SIDE, List.of());
        String text = SdpWriter.write(toPbx.answer());
        assertThat(text).contains("m=audio 20000 RTP/AVP 0 96\r\n", "a=rtpmap:96 telephone-event/8000\r\n",
                "c=IN IP4 192.0.2.10\r\n").doesNotContain("crypto", "198.51.100.50");
        assertThat(toPbx.streams().get(0).secure()).isFalse();
        assertThat(toPbx.streams().get(0).telephoneEventPt()).isEqualTo(96);
    }

    @Test
    void secureToLegacyAnswerCarriesOneCryptoLineWithTheOfferersTag() throws Exception {
        Answerer.Answered a = new Answerer(keys).answer(SdpParser.parse(TWILIO_OFFER), twilio, SECURE_SIDE, List.of());
        MediaDescription m = a.answer().media().get(0);
        assertThat(m.attributes("crypto")).hasSize(1);
        MediaStreamKeys k = a.streams().get(0);
        assertThat(k.ourTag()).isEqualTo(1);
        assertThat(k.theirs().toInline()).isEqualTo(TWILIO_KEY);
        assertThat(k.ours()).isNotEqualTo(k.theirs());
        assertThat(m.attributes("crypto").get(0).value()).isEqualTo("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + k.ours().toInline());
    }

    @Test
    void reInviteWithTheSameCryptoLineKeepsContextsAndChangedLineReKeys() throws Exception {
        Answerer answerer = new Answerer(keys);
        Answerer.Answered first = answerer.answer(SdpParser.parse(TWILIO_OFFER), twilio, SECURE_SIDE, List.of());
        // same key, new o= version, now on hold
        String holdOffer = TWILIO_OFFER.replace("o=root 5 5", "o=root 5 6").replace("a=sendrecv", "a=sendonly");
        Answerer.Answered hold = answerer.answer(SdpParser.parse(holdOffer), twilio, SECURE_SIDE, first.streams());
        assertThat(hold.streams().get(0).newContexts()).isFalse();
        assertThat(hold.streams().get(0).ours()).isEqualTo(first.streams().get(0).ours());
        assertThat(hold.streams().get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(SdpWriter.write(hold.answer())).contains("a=recvonly\r\n")
                .contains("inline:" + first.streams().get(0).ours().toInline());
        // resume with the same key
        Answerer.Answered resume = answerer.answer(SdpParser.parse(TWILIO_OFFER), twilio, SECURE_SIDE, hold.streams());
        assertThat(resume.streams().get(0).newContexts()).isFalse();
        assertThat(SdpWriter.write(resume.answer())).contains("a=sendrecv\r\n");
        // re-key: new key from the peer -> new contexts and a new key of ours
        String rekeyed = TWILIO_OFFER.replace(TWILIO_KEY, "TmV3S2V5QWZ0ZXJSZUtleWluZ0ZvclRoaXNDYWxs");
        Answerer.Answered rekey = answerer.answer(SdpParser.parse(rekeyed), twilio, SECURE_SIDE, resume.streams());
        assertThat(rekey.streams().get(0).newContexts()).isTrue();
        assertThat(rekey.streams().get(0).ours()).isNotEqualTo(first.streams().get(0).ours());
        // suite change with the same key bytes is a change too
        String otherSuite = TWILIO_OFFER.replace("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
        assertThat(answerer.answer(SdpParser.parse(otherSuite), twilio, SECURE_SIDE, first.streams()).streams().get(0)
                .newContexts()).isTrue();
    }

    @Test
    void holdWithZeroAddressIsAnsweredRecvonlyAndForwardedAsSendonly() throws Exception {
        String hold = TWILIO_OFFER.replace("c=IN IP4 198.51.100.50", "c=IN IP4 0.0.0.0").replace("a=sendrecv\r\n", "");
        Answerer.Answered a = new Answerer(keys).answer(SdpParser.parse(hold), twilio, SECURE_SIDE, List.of());
        assertThat(a.streams().get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(SdpWriter.write(a.answer())).contains("a=recvonly\r\n").doesNotContain("0.0.0.0");
        OfferForwarder.Forwarded f = new OfferForwarder(keys).forward(SdpParser.parse(hold), twilio, pbx, LEGACY_SIDE, null);
        assertThat(SdpWriter.write(f.offer())).contains("c=IN IP4 192.0.2.10\r\n", "a=sendonly\r\n").doesNotContain("0.0.0.0");
    }

    @Test
    void reOfferTowardTheFarSideKeepsItsKeysSoItsRocSurvives() throws Exception {
        OfferForwarder fw = new OfferForwarder(keys);
        OfferForwarder.Forwarded first = fw.forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, null);
        OfferForwarder.Forwarded again = fw.forward(SdpParser.parse(PBX_OFFER.replace("a=sendrecv", "a=sendonly")), pbx,
                twilio, SECURE_SIDE, first.pending());
        assertThat(again.pending().streams().get(0).keysByTag()).isEqualTo(first.pending().streams().get(0).keysByTag());
        OfferForwarder.Forwarded fresh = fw.forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, null);
        assertThat(fresh.pending().streams().get(0).keysByTag().get(1))
                .isNotEqualTo(first.pending().streams().get(0).keysByTag().get(1));
    }

    @Test
    void unusableStreamsAreRejectedAloneWithPortZeroInOrder() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 198.51.100.9\r\ns=-\r\nc=IN IP4 198.51.100.9\r\nt=0 0\r\n"
                + "m=video 5000 RTP/SAVP 96\r\na=rtpmap:96 H264/90000\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + TWILIO_KEY + "\r\n"
                + "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AEAD_AES_256_GCM inline:" + TWILIO_KEY + "\r\n"
                + "m=audio 0 RTP/SAVP 0\r\n"
                + "m=audio 4002 RTP/SAVP 8\r\na=crypto:9 AES_CM_128_HMAC_SHA1_80 inline:" + TWILIO_KEY + "\r\n";
        Answerer.Answered a = new Answerer(keys).answer(SdpParser.parse(offer), twilio, SECURE_SIDE, List.of());
        assertThat(a.answer().media()).extracting(md -> md.mediaLine().port()).containsExactly(0, 0, 0, 40006);
        assertThat(a.answer().media()).extracting(md -> md.mediaLine().media()).containsExactly("video", "audio", "audio", "audio");
        assertThat(a.streams()).extracting(MediaStreamKeys::accepted).containsExactly(false, false, false, true);
        assertThat(a.streams().get(3).ourTag()).isEqualTo(9);
        assertThat(a.answer().media().get(0).lines()).hasSize(1);
    }

    @Test
    void answerReaderRefusesWhatPjsuaAndRtpengineUsersTripOver() throws Exception {
        OfferForwarder.Forwarded f = new OfferForwarder(keys).forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, null);
        String base = "v=0\r\no=- 1 1 IN IP4 198.51.100.50\r\ns=-\r\nc=IN IP4 198.51.100.50\r\nt=0 0\r\nm=audio 18000 RTP/SAVP 0\r\n";
        String key = "VHdpbGlvQW5zd2VyS2V5Rm9yVGFnMlRlc3RYWFhY";
        assertAnswerRefused(f, base + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "\r\na=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + key + "\r\n",
                "answer-multiple-crypto", "answer carries 2 a=crypto lines (exactly one expected, RFC 4568 section 7.1.2)");
        assertAnswerRefused(f, base + "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + key + "\r\n",
                "answer-unknown-tag", "answer names crypto tag 3, which was not offered (tags 1-2)");
        assertAnswerRefused(f, base + "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + key + "\r\n",
                "answer-suite-mismatch", "answer names suite AES_CM_128_HMAC_SHA1_32 under tag 1, which was offered as AES_CM_128_HMAC_SHA1_80");
        assertAnswerRefused(f, base + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|1:4\r\n",
                "answer-crypto-not-accepted", "answer crypto tag 1: key carries an MKI (1:4), not supported by profile twilio-secure");
        assertAnswerRefused(f, base, "answer-no-crypto", "answer has no a=crypto line but SRTP is required for profile twilio-secure");
        assertAnswerRefused(f, base + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:QUJD\r\n",
                "answer-crypto-key", "answer crypto tag 1: expected 30 bytes of key||salt for AES_CM_128_HMAC_SHA1_80, found 3 bytes");
        assertAnswerRefused(f, base + "m=audio 0 RTP/SAVP 0\r\n", "answer-media-count",
                "answer has 2 media sections, the offer had 1 (RFC 3264 section 6)");
        assertAnswerRefused(f, base.replace("18000", "0"), "answer-no-audio", "the answer accepted no audio stream");
    }

    @Test
    void unchangedFarAnswerOnReInviteKeepsContexts() throws Exception {
        OfferForwarder fw = new OfferForwarder(keys);
        OfferForwarder.Forwarded f = fw.forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, null);
        SessionDescription answer = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 198.51.100.50\r\ns=-\r\nc=IN IP4 198.51.100.50\r\n"
                + "t=0 0\r\nm=audio 18000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + TWILIO_KEY + "\r\n");
        List<MediaStreamKeys> first = AnswerReader.read(answer, f.pending(), twilio, null);
        OfferForwarder.Forwarded again = fw.forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, f.pending());
        List<MediaStreamKeys> second = AnswerReader.read(answer, again.pending(), twilio, first);
        assertThat(first.get(0).newContexts()).isTrue();
        assertThat(second.get(0).newContexts()).isFalse();
    }

    @Test
    void keysAreFreshPerCallAndPerDirectionAndNeverPrinted() throws Exception {
        Answerer.Answered a = new Answerer(keys).answer(SdpParser.parse(TWILIO_OFFER), twilio, SECURE_SIDE, List.of());
        Answerer.Answered b = new Answerer(keys).answer(SdpParser.parse(TWILIO_OFFER), twilio, SECURE_SIDE, List.of());
        MasterKey ours = a.streams().get(0).ours();
        assertThat(ours).isNotEqualTo(b.streams().get(0).ours());
        assertThat(ours).isNotEqualTo(a.streams().get(0).theirs());
        String printed = a.toString() + a.streams() + a.answer();
        assertThat(printed).doesNotContain(ours.toInline()).doesNotContain(TWILIO_KEY);
        OfferForwarder.Forwarded f = new OfferForwarder(keys).forward(SdpParser.parse(PBX_OFFER), pbx, twilio, SECURE_SIDE, null);
        String pending = f.toString();
        for (MasterKey k : f.pending().streams().get(0).keysByTag().values()) {
            assertThat(pending).doesNotContain(k.toInline());
        }
    }

    private void assertAnswerRefused(OfferForwarder.Forwarded f, String answer, String rule, String warning) throws Exception {
        NegotiationRefused e = catchThrowableOfType(NegotiationRefused.class,
                () -> AnswerReader.read(SdpParser.parse(answer), f.pending(), twilio, null));
        assertThat(e).as(rule).isNotNull();
        assertThat(e.rejection().status()).isEqualTo(488);
        assertThat(e.rejection().ruleId()).isEqualTo(rule);
        assertThat(e.rejection().warning()).isEqualTo(warning);
    }

    private static CryptoAttribute parseCrypto(String value) {
        try {
            return CryptoAttribute.parse(value, 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
