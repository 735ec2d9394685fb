package com.securetrunk.testpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.testpbx.media.AudioCodec;
import com.securetrunk.testpbx.media.SrtpSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDP reading, the offer/answer rules, and the styles written, against captured real offers. */
class SdpTest {
    /** pjsua 2.5 SRTP offer, as captured (shared/reference/observed-transcripts.md). */
    static final String PJSUA_25_OFFER = "v=0\r\n"
            + "o=- 4004696707 4004696707 IN IP4 127.0.0.1\r\n"
            + "s=pjmedia\r\nb=AS:84\r\nt=0 0\r\na=X-nat:0\r\n"
            + "m=audio 4000 RTP/SAVP 98 97 99 104 3 0 8 9 96\r\n"
            + "c=IN IP4 127.0.0.1\r\nb=TIAS:64000\r\na=rtcp:4001 IN IP4 127.0.0.1\r\na=sendrecv\r\n"
            + "a=rtpmap:98 speex/16000\r\na=rtpmap:97 speex/8000\r\na=rtpmap:99 speex/32000\r\n"
            + "a=rtpmap:104 iLBC/8000\r\na=fmtp:104 mode=30\r\na=rtpmap:3 GSM/8000\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n"
            + "a=crypto:1 AES_CM_256_HMAC_SHA1_80 inline:r6aVV/LqguaePJjp6sOorZ05uPMli5lf2/6odAadE1hVk/o4JQ4pX8YMFw0CEA==\r\n"
            + "a=crypto:2 AES_CM_256_HMAC_SHA1_32 inline:2c2GfvP+m/+iptyGTh46KTePE4ATBOuVU/ZzUYteZ8SG337gi5X9W8DCEzWW5g==\r\n"
            + "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:iNhMgkHgjNz9UrgnRb1ipW3OVrNTC5wzGK2ZkJNb\r\n"
            + "a=crypto:4 AES_CM_128_HMAC_SHA1_32 inline:jdWsYPzh5f1w63c3gbKkxFzNBv8CKL1eWbLn9YAL\r\n";

    private static UaConfig secureDomain() {
        return UaConfig.pbx().mediaSecurity(false,
                List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32), true, "Secure Media enabled");
    }

    @Test
    void readsTheRealPjsua25Offer() throws Exception {
        Sdp sdp = Sdp.parse(PJSUA_25_OFFER);
        Sdp.Media audio = sdp.firstAudio();
        assertThat(audio.proto()).isEqualTo("RTP/SAVP");
        assertThat(audio.telephoneEventPayloadType()).isEqualTo(96);
        assertThat(sdp.addressOf(audio)).isEqualTo("127.0.0.1");
        assertThat(audio.attributes("crypto")).hasSize(4);
    }

    @Test
    void secureDomainAnswersPjsua25WithTheFirst128BitLineItKnows() throws Exception {
        Object plan = MediaNegotiation.answer(secureDomain(), Transport.TLS, Sdp.parse(PJSUA_25_OFFER));
        assertThat(plan).isInstanceOf(MediaNegotiation.AnswerPlan.class);
        MediaNegotiation.AnswerPlan p = (MediaNegotiation.AnswerPlan) plan;
        assertThat(p.cryptoTag()).isEqualTo(3);
        assertThat(p.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(p.sendCodec()).isEqualTo(AudioCodec.PCMU);
        assertThat(p.answerPts()).containsExactly(0, 8);
        assertThat(p.dtmfPt()).isEqualTo(96);
    }

    @Test
    void refusalsCarryTheReason() throws Exception {
        Object overUdp = MediaNegotiation.answer(secureDomain(), Transport.UDP, Sdp.parse(PJSUA_25_OFFER));
        assertThat(((Rejection) overUdp).warning()).contains("TLS").contains("UDP");
        String avp = PJSUA_25_OFFER.replace("RTP/SAVP", "RTP/AVP");
        Object plain = MediaNegotiation.answer(secureDomain(), Transport.TLS, Sdp.parse(avp));
        assertThat(((Rejection) plain).status()).isEqualTo(488);
        Object disabled = MediaNegotiation.answer(UaConfig.pbx(), Transport.UDP, Sdp.parse(PJSUA_25_OFFER));
        assertThat(((Rejection) disabled).warning()).contains("SRTP is not accepted");
        String noG711 = PJSUA_25_OFFER.replace("RTP/SAVP", "RTP/AVP").replace(" 0 8 9 96", " 9 96");
        Object codec = MediaNegotiation.answer(UaConfig.pbx(), Transport.UDP, Sdp.parse(noG711));
        assertThat(((Rejection) codec).warning()).contains("no common codec");
    }

    @Test
    void cryptoLineMkiAndLifetime() throws Exception {
        CryptoLine plain = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:iNhMgkHgjNz9UrgnRb1ipW3OVrNTC5wzGK2ZkJNb");
        CryptoLine lifetime = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:iNhMgkHgjNz9UrgnRb1ipW3OVrNTC5wzGK2ZkJNb|2^31");
        CryptoLine mki = CryptoLine.parse("1 AES_CM_128_HMAC_SHA1_80 inline:iNhMgkHgjNz9UrgnRb1ipW3OVrNTC5wzGK2ZkJNb|2^20|1:4");
        assertThat(plain.hasMki()).isFalse();
        assertThat(plain.firstKey()).hasSize(30);
        assertThat(lifetime.hasMki()).isFalse();
        assertThat(mki.hasMki()).isTrue();
        assertThatThrownBy(() -> CryptoLine.parse("x AES inline:a")).hasMessageContaining("numeric tag");
    }

    @Test
    void chanSipAnswerLooksLikeAsterisk() {
        String sdp = SdpWriter.write(SdpStyle.CHAN_SIP, new SdpWriter.Params("Asterisk PBX 13.8-cert2", 11, 11,
                "127.0.0.1", 10178, false, List.of(0, 8), 101, List.of(), false));
        assertThat(sdp).isEqualTo("v=0\r\no=root 11 11 IN IP4 127.0.0.1\r\ns=Asterisk PBX 13.8-cert2\r\n"
                + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 10178 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n"
                + "a=maxptime:150\r\na=sendrecv\r\n");
    }

    @Test
    void pjsip25OfferHasPjsuasCodecListAndParsesBack() throws Exception {
        String sdp = SdpWriter.write(SdpStyle.PJSIP_2_5, new SdpWriter.Params("x", 4004696707L, 4004696707L,
                "127.0.0.1", 4000, false, List.of(0, 8), 96, List.of(), true));
        assertThat(sdp).contains("s=pjmedia\r\nb=AS:84\r\nt=0 0\r\na=X-nat:0\r\nm=audio 4000 RTP/AVP 98 97 99 104 3 0 8 9 96\r\n"
                + "c=IN IP4 127.0.0.1\r\nb=TIAS:64000\r\na=rtcp:4001 IN IP4 127.0.0.1\r\n");
        Object plan = MediaNegotiation.answer(UaConfig.pbx(), Transport.UDP, Sdp.parse(sdp));
        assertThat(((MediaNegotiation.AnswerPlan) plan).sendCodec()).isEqualTo(AudioCodec.PCMU);
    }

    @Test
    void malformedSdp() {
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nm=audio\r\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nm=audio x RTP/AVP 0\r\n")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> Sdp.parse("o=- 1 1 IN IP4 a\r\n")).hasMessageContaining("v=0");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\ngarbage\r\n")).hasMessageContaining("garbage");
    }
}
