package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Rejection;
import com.securetrunk.gateway.sdp.SdpParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way an offer is refused as a whole: SIP status, Warning code and text, rule id. The offer has one audio
 * stream whose m= proto and a=crypto lines come from the table ({@code K} = a valid 30-byte key, {@code K46} = a
 * valid 46-byte key, {@code ~} separates lines).
 */
class RefusalTest {

    static final String K = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    static final String K46 = "6TBvSSANmhePMQiowUgOD16Pd6m4TOjHdFmckv0MhxJ8VU/l9Kf7vQQQlSNIVw==";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "srtp required, plain offer # twilio-secure # RTP/AVP # # 302 # srtp-required # plain RTP/AVP offered but SRTP is required by profile twilio-secure",
        "srtp required, best-effort AVP+crypto # twilio-secure # RTP/AVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K # 302 # srtp-required # plain RTP/AVP offered but SRTP is required by profile twilio-secure (RTP/SAVP expected, a=crypto on RTP/AVP not accepted)",
        "srtp off, SAVP offer # twilio-clear # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K # 302 # srtp-off # RTP/SAVP offered but SRTP is off for profile twilio-clear (secure media disabled: plain RTP only)",
        "SAVP without crypto (DTLS) # twilio-secure # RTP/SAVP # a=fingerprint:sha-256 AB:CD # 305 # no-crypto # no a=crypto line (SDES keys required; DTLS-SRTP is not supported)",
        "all keys carry MKI # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K|2^20|1:4~a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:K|1:4 # 305 # mki-not-supported # all offered keys carry an MKI (MKI not supported by profile twilio-secure)",
        "suite not accepted # twilio-secure # RTP/SAVP # a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:K46 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: suite AES_256_CM_HMAC_SHA1_80 not accepted by profile twilio-secure",
        "registered but unimplemented suite # twilio-secure # RTP/SAVP # a=crypto:1 AEAD_AES_256_GCM inline:K # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: suite AEAD_AES_256_GCM not accepted by profile twilio-secure (not implemented by the gateway)",
        "unknown suite name (pjsua 2.5) # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_256_HMAC_SHA1_80 inline:K46 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: suite AES_CM_256_HMAC_SHA1_80 not known",
        "one MKI line among others # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K|1:4~a=crypto:2 F8_128_HMAC_SHA1_80 inline:K # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: key carries an MKI (1:4), not supported by profile twilio-secure; crypto tag 2: suite F8_128_HMAC_SHA1_80 not accepted by profile twilio-secure (not implemented by the gateway)",
        "session parameter # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K UNENCRYPTED_SRTCP # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: session parameter UNENCRYPTED_SRTCP not supported by profile twilio-secure",
        "unknown mandatory session parameter # generic-rfc4568 # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K FOO=1 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: unknown mandatory session parameter FOO=1 (RFC 4568 section 6.3.7)",
        "KDR not honoured even if allowed # generic-rfc4568 # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K KDR=0 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: session parameter KDR=0 not supported by profile generic-rfc4568",
        "lifetime too short # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K|2^10 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: key lifetime 2^10 below the 1048576 packets accepted by profile twilio-secure (no re-keying mid-call)",
        "wrong key length # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K46 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: expected 30 bytes of key||salt for AES_CM_128_HMAC_SHA1_80, found 46 bytes",
        "two keys in one line # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K|2^20;inline:K|2^20 # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: 2 keys in one line (key rollover is not supported)",
        "other key method # twilio-secure # RTP/SAVP # a=crypto:1 AES_CM_128_HMAC_SHA1_80 uri:http://example.com/key # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: key method uri not supported (only inline)",
        "unparsable line # twilio-secure # RTP/SAVP # a=crypto:x AES_CM_128_HMAC_SHA1_80 inline:K # 305 # no-acceptable-crypto # no acceptable crypto line: SDP line 6, column 10: expected tag of 1-9 digits, found \"x AES_CM_128_HMAC_SHA1_80 inline:<redacted>\"",
        "duplicate tag # twilio-secure # RTP/SAVP # a=crypto:1 AEAD_AES_128_GCM inline:K~a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K # 305 # no-acceptable-crypto # no acceptable crypto line: crypto tag 1: suite AEAD_AES_128_GCM not accepted by profile twilio-secure (not implemented by the gateway); crypto tag 1 is used twice (line 7)",
        "bare crypto attribute (Jazzer finding) # twilio-secure # RTP/SAVP # a=crypto # 305 # no-acceptable-crypto # no acceptable crypto line: SDP line 6, column 10: expected tag of 1-9 digits, found end of input",
        "unsupported transport # twilio-secure # UDP/TLS/RTP/SAVPF # a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K # 302 # transport # transport UDP/TLS/RTP/SAVPF is not supported (RTP/AVP or RTP/SAVP)",
    })
    void refusedWithStatusWarningAndRule(String name, String profile, String proto, String cryptoLines, int warnCode,
                                         String rule, String warning) throws Exception {
        StringBuilder offer = new StringBuilder("v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\n"
                + "m=audio 4000 " + proto + " 0\r\n");
        if (cryptoLines != null) {
            for (String l : cryptoLines.split("~")) {
                offer.append(l.replace("K46", K46).replace("inline:K", "inline:" + K)).append("\r\n");
            }
        }
        NegotiationRefused e = catchThrowableOfType(NegotiationRefused.class, () -> new Answerer(new SrtpKeyGenerator())
                .answer(SdpParser.parse(offer.toString()), Policies.named(profile), GoldenFixtureTest.RELAY, List.of()));
        assertThat(e).as(name).isNotNull();
        Rejection r = e.rejection();
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.ruleId()).isEqualTo(rule);
        assertThat(r.warning()).isEqualTo(warning);
        assertThat(r.warnCode()).isEqualTo(warnCode);
        assertThat(r.warningHeader("gw")).startsWith(warnCode + " gw \"").doesNotContain(K);
        // the same refusal when the offer is forwarded instead of answered
        NegotiationRefused f = catchThrowableOfType(NegotiationRefused.class, () -> new OfferForwarder(new SrtpKeyGenerator())
                .forward(SdpParser.parse(offer.toString()), Policies.named(profile), SdesPolicies.LEGACY_PLAIN,
                        GoldenFixtureTest.RELAY, null));
        assertThat(f.rejection()).isEqualTo(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "only video # m=video 4000 RTP/SAVP 96 # no-audio-stream # no audio stream in the offer (offered: video)",
        "audio disabled # m=audio 0 RTP/AVP 0 # port-zero # stream disabled by the offerer (port 0)",
        "two bad audio streams # m=audio 4000 RTP/AVP 0~m=audio 4002 RTP/AVP 8 # srtp-required # stream 1: plain RTP/AVP offered but SRTP is required by profile twilio-secure; stream 2: plain RTP/AVP offered but SRTP is required by profile twilio-secure",
    })
    void wholeOfferRefusedOnlyWhenNoAudioIsLeft(String name, String mLines, String rule, String warning) {
        String offer = "v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\n" + mLines.replace("~", "\r\n") + "\r\n";
        NegotiationRefused e = catchThrowableOfType(NegotiationRefused.class, () -> new Answerer(new SrtpKeyGenerator())
                .answer(SdpParser.parse(offer), Policies.named("twilio-secure"), GoldenFixtureTest.RELAY, List.of()));
        assertThat(e).as(name).isNotNull();
        assertThat(e.rejection().status()).isEqualTo(488);
        assertThat(e.rejection().ruleId()).isEqualTo(rule);
        assertThat(e.rejection().warning()).isEqualTo(warning);
    }
}
