package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.PbxWarning;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.securetrunk.ami.ChannelDriver.CHAN_SIP;
import static com.securetrunk.ami.ChannelDriver.PJSIP;
import static org.assertj.core.api.Assertions.assertThat;

class PbxClassifierTest {

    private static DiscoveryFacts facts(String version, Set<ChannelDriver> drivers, String pjproject) {
        return new DiscoveryFacts(version, "2.8.0", drivers, Optional.ofNullable(pjproject), List.of());
    }

    private static Discovery classify(DiscoveryFacts f) {
        return PbxClassifier.classify(f, Optional.empty(), Optional.empty());
    }

    @Test
    void asterisk13_8cert2WithPjproject25IsTheInsecureProfileAndSaysWhy() {
        Discovery d = classify(facts("13.8-cert2", Set.of(PJSIP, CHAN_SIP), "2.5"));
        assertThat(d.identity().driver()).contains(PJSIP);
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_13_8_CERT2);
        assertThat(d.warnings()).extracting(PbxWarning::kind).containsExactly(PbxWarning.Kind.NO_SECURE_MEDIA_ON_PBX);
        assertThat(d.warnings().get(0).message())
                .contains("Asterisk 13.8-cert2", "pjproject 2.5", "cannot do TLS/SRTP with the secure domain itself",
                        "in the clear", "trusted network");
    }

    @Test
    void modernPjsipHasNoSecurityWarning() {
        Discovery d = classify(facts("20.5.0", Set.of(PJSIP), "2.13.1"));
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void pjproject255IsGoodEnough() {
        assertThat(classify(facts("13.11.0", Set.of(PJSIP), "2.5.5")).identity().profileName())
                .contains(ProfileNames.ASTERISK_PJSIP_MODERN);
    }

    @Test
    void chanSipOnlyMapsToChanSipProfile() {
        Discovery d = classify(facts("16.30.0", Set.of(CHAN_SIP), null));
        assertThat(d.identity().driver()).contains(CHAN_SIP);
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void configuredDriverWins() {
        Discovery d = PbxClassifier.classify(facts("16.30.0", Set.of(CHAN_SIP, PJSIP), "2.10"),
                Optional.of(CHAN_SIP), Optional.empty());
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
    }

    @Test
    void configuredDriverThatIsNotLoadedIsWarnedAbout() {
        Discovery d = PbxClassifier.classify(facts("21.0.0", Set.of(PJSIP), "2.13.1"),
                Optional.of(CHAN_SIP), Optional.empty());
        assertThat(d.warnings()).extracting(PbxWarning::kind).contains(PbxWarning.Kind.DRIVER_NOT_LOADED);
        assertThat(d.warnings().get(0).message()).contains("chan_sip.so is not running", "module load chan_sip.so");
    }

    @Test
    void profileMismatchNamesBothProfiles() {
        Discovery d = PbxClassifier.classify(facts("13.8-cert2", Set.of(PJSIP), "2.5"), Optional.empty(),
                Optional.of(ProfileNames.ASTERISK_PJSIP_MODERN));
        PbxWarning w = d.warnings().stream().filter(x -> x.kind() == PbxWarning.Kind.PROFILE_MISMATCH)
                .findFirst().orElseThrow();
        assertThat(w.message()).contains("'asterisk-pjsip-modern'", "'asterisk-13.8-cert2'", "Asterisk 13.8-cert2");
    }

    @Test
    void freepbxIsAsteriskUnderneathAndNeverAMismatch() {
        Discovery d = PbxClassifier.classify(facts("16.30.0", Set.of(PJSIP, CHAN_SIP), "2.12.1"), Optional.empty(),
                Optional.of(ProfileNames.FREEPBX));
        assertThat(d.warnings()).isEmpty();
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
    }

    @Test
    void matchingConfiguredProfileGivesNoMismatch() {
        Discovery d = PbxClassifier.classify(facts("20.5.0", Set.of(PJSIP), "2.13.1"), Optional.empty(),
                Optional.of(ProfileNames.ASTERISK_PJSIP_MODERN));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void noDriverMeansNoProfileAndAWarning() {
        Discovery d = classify(facts("20.5.0", Set.of(), null));
        assertThat(d.identity().driver()).isEmpty();
        assertThat(d.identity().profileName()).isEmpty();
        assertThat(d.warnings()).extracting(PbxWarning::kind).containsExactly(PbxWarning.Kind.NO_SIP_DRIVER);
    }

    @Test
    void unreadablePjprojectOnCertifiedIsInferredFromTheBundledVersion() {
        DiscoveryFacts f = new DiscoveryFacts("13.8-cert2", "2.8.0", Set.of(PJSIP), Optional.empty(),
                List.of("Asterisk refused Command 'pjsip show version': Permission denied"));
        Discovery d = classify(f);
        assertThat(d.identity().pjprojectVersion()).contains("2.5");
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_13_8_CERT2);
        assertThat(d.warnings()).extracting(PbxWarning::kind)
                .containsExactly(PbxWarning.Kind.NO_SECURE_MEDIA_ON_PBX, PbxWarning.Kind.DISCOVERY_INCOMPLETE);
        assertThat(d.warnings().get(0).message()).contains("inferred from the Asterisk version");
        assertThat(d.warnings().get(1).message()).contains("Permission denied", "manager.conf");
    }

    @Test
    void resPjsipBefore13_19CanOnlyDoTls10() {
        Discovery d = classify(facts("13.18.0", Set.of(PJSIP), "2.6"));
        assertThat(d.identity().profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(PbxWarning.Kind.NO_SECURE_MEDIA_ON_PBX);
            assertThat(w.message()).contains("TLS 1.0", "TLS 1.2");
        });
    }

    @Test
    void withoutTheCommandClassTheConfiguredDriverIsTrustedAndNoDriverIsGuessed() {
        DiscoveryFacts blind = new DiscoveryFacts("20.5.0", "9.0.0", Set.of(), false, Optional.empty(),
                List.of("Asterisk refused Command 'module show like chan_sip': Permission denied"));
        Discovery configured = PbxClassifier.classify(blind, Optional.of(CHAN_SIP), Optional.empty());
        assertThat(configured.identity().profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
        assertThat(configured.warnings()).extracting(PbxWarning::kind)
                .containsExactly(PbxWarning.Kind.DISCOVERY_INCOMPLETE);
        Discovery guessed = classify(blind);
        assertThat(guessed.identity().driver()).isEmpty();
        assertThat(guessed.warnings().get(0).message()).contains("'command' class", "configure the driver");
    }

    @Test
    void oddVersionStringsNeverBreakDiscovery() {
        Discovery git = classify(facts("GIT-master-1a2b3c", Set.of(PJSIP), "2.14.1"));
        assertThat(git.identity().profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
        assertThat(git.warnings()).isEmpty();
        Discovery empty = classify(facts("", Set.of(PJSIP), "garbage"));
        assertThat(empty.identity().profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
        Discovery unknownPj = classify(new DiscoveryFacts("13.8-cert2", "2.8.0", Set.of(CHAN_SIP), Optional.empty(),
                List.of()));
        assertThat(unknownPj.identity().profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
        assertThat(unknownPj.identity().pjprojectVersion()).isEmpty();
    }
}
