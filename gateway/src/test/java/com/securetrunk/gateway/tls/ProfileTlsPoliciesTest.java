package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.load.ProfileLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in profiles map onto the policies the TLS edge enforces, and those policies behave in a handshake. */
class ProfileTlsPoliciesTest {
    private static final ProfileCatalog CATALOG = ProfileLoader.builtInCatalog();
    private static final TestPki PKI = new TestPki("profiles");

    @Test
    void twilioSecureIsTls12PlusVerifiedAndToleratesWildcards() {
        TlsPeerPolicy p = ProfileTlsPolicies.forPeer(profile("twilio-secure"), "example.sip.twilio.com", ClientAuth.NONE);
        assertThat(p.minVersion()).isEqualTo(TlsVersion.TLS_1_2);
        assertThat(p.allowsLegacyVersions()).isFalse();
        assertThat(p.verifyPeer()).isTrue();
        assertThat(p.wildcardPolicy()).isEqualTo(WildcardPolicy.TOLERATE);
        assertThat(p.expectedHostName()).isEqualTo("example.sip.twilio.com");
    }

    @Test
    void asterisk138Cert2AllowsTls10OnTheLegacySideAndThatHandshakeWorks() throws Exception {
        TlsPeerPolicy pbx = ProfileTlsPolicies.forPeer(profile("asterisk-13.8-cert2"), null, ClientAuth.WANT);
        assertThat(pbx.minVersion()).isEqualTo(TlsVersion.TLS_1_0);
        assertThat(pbx.allowsLegacyVersions()).isTrue();

        // Our legacy listener under that profile's policy accepts a TLS 1.0-only client ...
        TlsPeerPolicy tls10Client = TlsPeerPolicy.legacyPbx("gw.example.net").withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0);
        var ok = TlsHandshakeTest.handshake(PKI.leaf("gw.example.net"), pbx, new TlsContextFactory(PKI.leaf("pbx.example.org"),
                List.of(PKI.caCert)), tls10Client);
        assertThat(ok.succeeded()).as("%s", ok).isTrue();
        assertThat(ok.clientProtocol()).isEqualTo("TLSv1");
        // ... while the secure domain's policy does not.
        TlsPeerPolicy secure = ProfileTlsPolicies.forPeer(profile("twilio-secure"), null, ClientAuth.NONE);
        var refused = TlsHandshakeTest.handshake(PKI.leaf("gw.example.net"), secure, new TlsContextFactory(PKI.leaf("pbx.example.org"),
                List.of(PKI.caCert)), tls10Client);
        assertThat(refused.succeeded()).isFalse();
    }

    @Test
    void everyBuiltInProfileMaps() {
        for (String name : ProfileLoader.builtInNames()) {
            TlsPeerPolicy p = ProfileTlsPolicies.forPeer(profile(name), "peer.example.net", ClientAuth.WANT);
            assertThat(p.protocolNames()).as(name).isNotEmpty();
            assertThat(CipherSuites.forPolicy(p)).as(name).isNotEmpty().noneMatch(CipherSuites::isWeak);
        }
    }

    private static Profile profile(String name) {
        return CATALOG.find(name).orElseThrow(() -> new AssertionError("no built-in profile " + name));
    }
}
