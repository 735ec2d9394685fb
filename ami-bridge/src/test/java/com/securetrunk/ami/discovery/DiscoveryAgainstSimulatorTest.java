package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.PbxWarning;
import com.securetrunk.ami.SimulatedPbx;
import com.securetrunk.profiles.load.ProfileLoader;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import org.asteriskjava.manager.ManagerConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** asterisk-java against the simulated Asterisk: discovery picks the right profile for each personality. */
class DiscoveryAgainstSimulatorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "V13_8_CERT2, asterisk-13.8-cert2, 2.5, NO_SECURE_MEDIA_ON_PBX",
            "V16,         asterisk-pjsip-modern, 2.12.1, ",
            "V20,         asterisk-pjsip-modern, 2.17, "})
    void picksTheProfileForEachPersonality(AsteriskPersonality p, String profile, String pjproject,
                                           PbxWarning.Kind warning) throws Exception {
        try (SimulatedAsterisk pbx = SimulatedPbx.start(p)) {
            ManagerConnection c = SimulatedPbx.login(pbx);
            try {
                DiscoveryFacts facts = DiscoveryProbe.read(SimulatedPbx.client(c));
                assertThat(facts.asteriskVersion()).isEqualTo(p.asteriskVersion());
                assertThat(facts.amiVersion()).isEqualTo(p.amiVersion());
                assertThat(facts.runningDrivers()).containsExactlyInAnyOrder(ChannelDriver.PJSIP, ChannelDriver.CHAN_SIP);
                assertThat(facts.pjprojectVersion()).contains(pjproject);
                assertThat(facts.problems()).isEmpty();

                Discovery d = PbxClassifier.classify(facts, Optional.empty(), Optional.empty());
                assertThat(d.identity().profileName()).contains(profile);
                if (warning == null) {
                    assertThat(d.warnings()).isEmpty();
                } else {
                    assertThat(d.warnings()).extracting(PbxWarning::kind).containsExactly(warning);
                }

                Discovery chanSip = PbxClassifier.classify(facts, Optional.of(ChannelDriver.CHAN_SIP),
                        Optional.of("asterisk-pjsip-modern"));
                assertThat(chanSip.identity().profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
                assertThat(chanSip.warnings()).extracting(PbxWarning::kind)
                        .containsExactly(PbxWarning.Kind.PROFILE_MISMATCH);
            } finally {
                c.logoff();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void everyNameDiscoveryPicksIsABuiltInProfile() {
        var catalog = ProfileLoader.builtInCatalog();
        for (String name : new String[] {ProfileNames.ASTERISK_13_8_CERT2, ProfileNames.ASTERISK_CHAN_SIP,
                ProfileNames.ASTERISK_PJSIP_MODERN, ProfileNames.FREEPBX}) {
            assertThat(catalog.find(name)).as(name).isPresent();
        }
    }
}
