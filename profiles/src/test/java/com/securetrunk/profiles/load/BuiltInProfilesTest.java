package com.securetrunk.profiles.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.profiles.Family;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.SrtpMode;
import com.securetrunk.profiles.SuiteName;
import com.securetrunk.profiles.TlsVersion;
import com.securetrunk.profiles.Transport;
import com.securetrunk.profiles.WildcardPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class BuiltInProfilesTest {

    private static final ProfileCatalog CATALOG = ProfileLoader.builtInCatalog();

    @Test
    void everyBuiltInLoadsWithoutProblems() {
        LoadResult result = ProfileLoader.builtIns();
        assertThat(result.problems()).as(result.problemReport()).isEmpty();
        assertThat(result.catalog().names()).containsExactlyInAnyOrder("generic-rfc4568", "twilio-secure",
                "twilio-clear", "asterisk-chan_sip", "asterisk-13.8-cert2", "asterisk-pjsip-modern", "freepbx",
                "pjsip-2.5", "pjsip-2.5.5");
    }

    @Test
    void indexListsEveryProfileFileInTheResources() throws IOException, URISyntaxException {
        Path dir = Path.of(ProfileLoader.class.getClassLoader().getResource("profiles/index.txt").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(ProfileLoader.builtInNames()).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void everyNoteNamesItsSource() {
        for (Profile p : CATALOG.all()) {
            assertThat(p.notes()).as(p.name()).isNotEmpty();
            p.notes().forEach(n -> assertThat(n.source()).as(p.name() + " " + n.id()).isNotBlank());
        }
    }

    @Test
    void twilioSecureIsTheSecureMediaRules() {
        Profile p = CATALOG.get("twilio-secure");
        assertThat(p.family()).isEqualTo(Family.TWILIO);
        assertThat(p.parent()).contains("generic-rfc4568");
        assertThat(p.signalling().transports()).containsExactly(Transport.TLS);
        assertThat(p.signalling().defaultPort()).isEqualTo(5061);
        assertThat(p.tls().minVersion()).isEqualTo(TlsVersion.TLS_1_2);
        assertThat(p.tls().allows(TlsVersion.TLS_1_1)).isFalse();
        assertThat(p.tls().wildcardPolicy()).isEqualTo(WildcardPolicy.TOLERATE);
        assertThat(p.tls().verifyCertificates()).isTrue();
        assertThat(p.media().srtp()).isEqualTo(SrtpMode.REQUIRED);
        assertThat(p.media().offerSuites())
                .containsExactly(SuiteName.AES_CM_128_HMAC_SHA1_80, SuiteName.AES_CM_128_HMAC_SHA1_32);
        assertThat(p.media().acceptSuites())
                .containsExactlyInAnyOrder(SuiteName.AES_CM_128_HMAC_SHA1_80, SuiteName.AES_CM_128_HMAC_SHA1_32);
        assertThat(p.media().crypto().acceptMki()).isFalse();
        assertThat(p.media().crypto().sendLifetime()).isFalse();
        assertThat(p.media().crypto().sessionParamsAllowed()).isFalse();
        assertThat(p.media().accepts(SuiteName.AES_256_CM_HMAC_SHA1_80)).isFalse();
    }

    @Test
    void twilioClearRefusesSrtp() {
        Profile p = CATALOG.get("twilio-clear");
        assertThat(p.media().srtp()).isEqualTo(SrtpMode.OFF);
        assertThat(p.media().offerSuites()).isEmpty();
        assertThat(p.media().accepts(SuiteName.AES_CM_128_HMAC_SHA1_80)).isFalse();
        assertThat(p.signalling().transports()).containsExactly(Transport.UDP, Transport.TCP, Transport.TLS);
    }

    @Test
    void asterisk138AcceptsTls10OnTheLegacySideWithAsteriskSrtpRules() {
        Profile p = CATALOG.get("asterisk-13.8-cert2");
        assertThat(p.parent()).contains("asterisk-chan_sip");
        assertThat(p.tls().allows(TlsVersion.TLS_1_0)).isTrue();
        assertThat(p.tls().jsseProtocols()).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
        assertThat(p.media().acceptSuites())
                .containsExactlyInAnyOrder(SuiteName.AES_CM_128_HMAC_SHA1_80, SuiteName.AES_CM_128_HMAC_SHA1_32);
        assertThat(p.media().crypto().tagZeroAccepted()).isFalse();
        assertThat(p.media().crypto().sessionParamsAllowed()).isFalse();
        assertThat(p.media().crypto().exactKeyLength()).isTrue();
        assertThat(p.media().crypto().sendLifetime()).isFalse();
        // inherited notes stay, the removed one is gone
        assertThat(p.notes()).extracting(n -> n.id()).contains("session-params", "tls-1-0").doesNotContain("removed");
        assertThat(p.identity().versions().contains("13.8-cert2")).isTrue();
        assertThat(p.identity().versions().contains("13.11.0")).isFalse();
    }

    @Test
    void pjsip25PinsToTheRfc128SuitesAnd255AddsAes256() {
        Profile old = CATALOG.get("pjsip-2.5");
        Profile fixed = CATALOG.get("pjsip-2.5.5");
        assertThat(old.media().offerSuites())
                .containsExactly(SuiteName.AES_CM_128_HMAC_SHA1_80, SuiteName.AES_CM_128_HMAC_SHA1_32);
        assertThat(fixed.media().offerSuites()).containsExactly(SuiteName.AES_CM_128_HMAC_SHA1_80,
                SuiteName.AES_CM_128_HMAC_SHA1_32, SuiteName.AES_256_CM_HMAC_SHA1_80, SuiteName.AES_256_CM_HMAC_SHA1_32);
        assertThat(fixed.media().telephoneEventPayloadType()).isEqualTo(96); // inherited from pjsip-2.5
        assertThat(fixed.notes()).extracting(n -> n.id()).doesNotContain("offer-pinning").contains("answer-checks");
        assertThat(old.identity().versions().contains("2.5.1")).isTrue();
        assertThat(old.identity().versions().contains("2.5.5")).isFalse();
        assertThat(fixed.identity().versions().contains("2.5.5")).isTrue();
    }

    @Test
    void modernAsteriskAcceptsTagZeroButFreepbxStaysStrict() {
        assertThat(CATALOG.get("asterisk-pjsip-modern").media().crypto().tagZeroAccepted()).isTrue();
        assertThat(CATALOG.get("asterisk-pjsip-modern").identity().versions().contains("20.5.0")).isTrue();
        assertThat(CATALOG.get("freepbx").media().crypto().tagZeroAccepted()).isFalse();
        assertThat(CATALOG.get("freepbx").family()).isEqualTo(Family.FREEPBX);
    }

    @Test
    void discoveredVersionsMapToTheNarrowestProfile() {
        assertThat(CATALOG.matching(Family.ASTERISK, "13.8-cert2")).extracting(Profile::name)
                .containsExactly("asterisk-13.8-cert2", "asterisk-chan_sip");
        assertThat(CATALOG.matching(Family.ASTERISK, "20.5.0")).extracting(Profile::name)
                .containsExactly("asterisk-chan_sip", "asterisk-pjsip-modern");
        assertThat(CATALOG.matching(Family.ASTERISK, "22.1.0")).extracting(Profile::name)
                .containsExactly("asterisk-pjsip-modern");
        assertThat(CATALOG.matching(Family.PJSIP, "2.5")).extracting(Profile::name).containsExactly("pjsip-2.5");
        assertThat(CATALOG.matching(Family.PJSIP, "2.5.5")).extracting(Profile::name).containsExactly("pjsip-2.5.5");
        assertThat(CATALOG.matching(Family.PJSIP, "2.15.1")).isEmpty();
    }
}
