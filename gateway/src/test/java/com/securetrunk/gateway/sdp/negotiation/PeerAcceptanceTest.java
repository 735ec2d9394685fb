package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SessionDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What we send must pass the peer's own acceptance rules, checked by independent re-statements of those rules
 * written from the peers' code as summarised in shared/reference/compat-notes.md (not from our parser):
 * <ul>
 *   <li>pjmedia 2.5.x {@code parse_attr_crypto} / answer processing (section 1.4): strtok on spaces, digits-only tag
 *       without leading zero, key-method exactly {@code inline:}, key token up to '|' or space, decoded key 30 or 46
 *       bytes, exactly one crypto line in an answer, answer tag within the offer's tags;</li>
 *   <li>Asterisk 13.8-cert2 {@code main/sdp_srtp.c} (section 3.4): AES_CM_128 suites only, tag 1..999999999, no
 *       session parameter, inline only, lifetime at least 1,800,000, MKI only if it starts with 1, key exactly
 *       30 bytes.</li>
 * </ul>
 */
class PeerAcceptanceTest {

    static Stream<Path> fixtureOffers() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures/sdp"))) {
            return s.filter(p -> p.getFileName().toString().equals("offer.in.sdp")).sorted().toList().stream();
        }
    }

    /** Every fixture offer forwarded toward Asterisk 13.8 with SRTP forced on: Asterisk accepts each line we send. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureOffers")
    void offersTowardAsteriskPassItsRules(Path offerFile) throws Exception {
        SdesPolicy asterisk = Policies.named("asterisk-13.8-cert2").toBuilder().srtp(SrtpMode.REQUIRED).build();
        SessionDescription offer = SdpParser.parse(Files.readString(offerFile));
        OfferForwarder.Forwarded f;
        try {
            f = new OfferForwarder(new SrtpKeyGenerator()).forward(offer, SdesPolicies.PERMISSIVE, asterisk, GoldenFixtureTest.RELAY, null);
        } catch (NegotiationRefused refused) {
            return; // nothing sent
        }
        for (MediaDescription md : f.offer().media()) {
            for (SdpLine l : md.attributes("crypto")) {
                assertThat(asteriskAccepts(l.asAttribute().value())).as(l.toString()).isNull();
            }
        }
    }

    /** Every fixture offer answered under pjsip profiles: pjsua 2.5.x processes our answer without error. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureOffers")
    void answersTowardPjsuaPassItsRules(Path offerFile) throws Exception {
        SessionDescription offer = SdpParser.parse(Files.readString(offerFile));
        for (String profile : List.of("pjsip-2.5", "pjsip-2.5.5", "twilio-secure", "asterisk-13.8-cert2")) {
            Answerer.Answered a;
            try {
                a = new Answerer(new SrtpKeyGenerator()).answer(offer, Policies.named(profile), GoldenFixtureTest.RELAY, List.of());
            } catch (NegotiationRefused refused) {
                continue;
            }
            for (int i = 0; i < offer.media().size(); i++) {
                List<String> offeredTags = new ArrayList<>();
                for (SdpLine l : offer.media().get(i).attributes("crypto")) {
                    offeredTags.add(l.asAttribute().value().strip().split("[ \t]+")[0]);
                }
                List<SdpLine> answered = a.answer().media().get(i).attributes("crypto");
                if (answered.isEmpty()) {
                    continue;
                }
                assertThat(answered).as("pjmedia ESDPAMBIGUEANS: more than one crypto line in the answer").hasSize(1);
                String problem = pjsuaParses(answered.get(0).asAttribute().value());
                assertThat(problem).as(answered.get(0).toString()).isNull();
                assertThat(offeredTags).as("pjmedia ESDPINCRYPTOTAG: answer tag must be one offered")
                        .contains(answered.get(0).asAttribute().value().split(" ")[0]);
            }
        }
    }

    /** The restated rules refuse what the real peers refuse (so the two tests above can fail). */
    @org.junit.jupiter.api.Test
    void restatedRulesBite() {
        String k = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
        assertThat(asteriskAccepts("1 AES_CM_128_HMAC_SHA1_80 inline:" + k)).isNull();
        assertThat(asteriskAccepts("1 AES_CM_128_HMAC_SHA1_80 inline:" + k + "|2^31")).isNull();
        assertThat(asteriskAccepts("0 AES_CM_128_HMAC_SHA1_80 inline:" + k)).isEqualTo("tag 0");
        assertThat(asteriskAccepts("1 AES_CM_128_HMAC_SHA1_80 inline:" + k + "|2^20")).isEqualTo("lifetime below 1800000");
        assertThat(asteriskAccepts("1 AES_CM_128_HMAC_SHA1_80 inline:" + k + " WSH=64")).contains("session parameters");
        assertThat(asteriskAccepts("1 AES_256_CM_HMAC_SHA1_80 inline:" + k)).startsWith("suite");
        assertThat(pjsuaParses("01 AES_CM_128_HMAC_SHA1_80 inline:" + k)).isEqualTo("tag");
        assertThat(pjsuaParses("1 AES_CM_128_HMAC_SHA1_80 inline:" + k + ";inline:" + k)).startsWith("key length");
    }

    /** pjmedia 2.5.5 parse_attr_crypto, restated: null when it parses. */
    static String pjsuaParses(String value) {
        String[] tok = value.split(" ");
        if (tok.length < 3) {
            return "fewer than three tokens";
        }
        if (!tok[0].matches("[0-9]+") || tok[0].length() > 1 && tok[0].startsWith("0")) {
            return "tag";
        }
        if (!tok[2].regionMatches(true, 0, "inline:", 0, 7)) {
            return "key method";
        }
        String key = tok[2].substring(7).split("\\|")[0];
        int len;
        try {
            len = Base64.getDecoder().decode(key).length;
        } catch (IllegalArgumentException e) {
            len = key.length() * 3 / 4; // pjlib skips invalid characters; the length is then wrong anyway
        }
        return len == 30 || len == 46 ? null : "key length " + len;
    }

    /** Asterisk 13.8-cert2 ast_sdp_crypto_process, restated: null when the line is accepted. */
    static String asteriskAccepts(String value) {
        String[] tok = value.strip().split("[ \t]+");
        if (tok.length != 3) {
            return "session parameters (any) reject the line";
        }
        long tag = Long.parseLong(tok[0]);
        if (tag < 1 || tag > 999_999_999) {
            return "tag " + tag;
        }
        if (!Set.of("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32").contains(tok[1])) {
            return "suite " + tok[1];
        }
        if (!tok[2].startsWith("inline:")) {
            return "not inline";
        }
        String[] parts = tok[2].substring(7).split("\\|");
        if (Base64.getDecoder().decode(parts[0]).length != 30) {
            return "key not 30 bytes";
        }
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.contains(":")) {
                if (!p.startsWith("1")) {
                    return "MKI not starting with 1";
                }
            } else {
                long life = p.startsWith("2^") ? 1L << Integer.parseInt(p.substring(2)) : Long.parseLong(p);
                if (life < 1_800_000) {
                    return "lifetime below 1800000";
                }
            }
            seen.add(p);
        }
        return null;
    }
}
