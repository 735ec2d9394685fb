package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.srtp.SrtpSuite;
import com.securetrunk.profiles.Profile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter from real built-in profiles to the negotiation's policy. */
class ProfilePoliciesTest {

    @Test
    void everyBuiltInProfileAdapts() {
        for (Profile p : Policies.CATALOG.all()) {
            SdesPolicy s = ProfilePolicies.of(p);
            assertThat(s.profileName()).isEqualTo(p.name());
            assertThat(s.offerSuites()).hasSize(p.media().offerSuites().size());
            assertThat(s.acceptMki()).isEqualTo(p.media().crypto().acceptMki());
            assertThat(s.telephoneEventPt()).isEqualTo(p.media().telephoneEventPayloadType());
        }
    }

    @Test
    void twilioSecure() {
        SdesPolicy t = Policies.named("twilio-secure");
        assertThat(t.srtp()).isEqualTo(SrtpMode.REQUIRED);
        assertThat(t.offerSuites()).containsExactly(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(t.acceptSuites()).containsExactlyInAnyOrder(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(t.acceptMki()).isFalse();
        assertThat(t.offerLifetime()).isNull();
        assertThat(t.acceptedSessionParams()).isEmpty();
    }

    @Test
    void secureMediaDisabledAndPbxProfiles() {
        assertThat(Policies.named("twilio-clear").srtp()).isEqualTo(SrtpMode.OFF);
        assertThat(Policies.named("pjsip-2.5").telephoneEventPt()).isEqualTo(96);
        assertThat(Policies.named("pjsip-2.5").acceptSuites()).doesNotContain(SrtpSuite.AES_256_CM_HMAC_SHA1_80);
        assertThat(Policies.named("pjsip-2.5.5").acceptSuites()).contains(SrtpSuite.AES_256_CM_HMAC_SHA1_80);
        assertThat(Policies.named("asterisk-13.8-cert2").acceptedSessionParams()).isEmpty();
        assertThat(Policies.named("generic-rfc4568").acceptedSessionParams()).isEqualTo(SdesPolicy.HONOURABLE_SESSION_PARAMS);
    }
}
