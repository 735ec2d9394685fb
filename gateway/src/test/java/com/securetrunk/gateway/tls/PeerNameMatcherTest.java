package com.securetrunk.gateway.tls;

import static com.securetrunk.gateway.tls.PeerNameMatcher.Outcome.EXACT;
import static com.securetrunk.gateway.tls.PeerNameMatcher.Outcome.MISMATCH;
import static com.securetrunk.gateway.tls.PeerNameMatcher.Outcome.WILDCARD_REFUSED;
import static com.securetrunk.gateway.tls.PeerNameMatcher.Outcome.WILDCARD_TOLERATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5922 section 7.1/7.2 identity matching and the RFC 6125 section 6.4.3 wildcard rule, on real certificates. */
class PeerNameMatcherTest {
    private static final TestPki PKI = new TestPki("matcher");

    @Test
    void exactDnsSanMatchesCaseInsensitivelyAndIgnoresTrailingDot() {
        var cert = PKI.leaf("sip.example.com").leaf();
        assertThat(PeerNameMatcher.match(cert, "SIP.Example.COM.", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
        assertThat(PeerNameMatcher.match(cert, "other.example.com", WildcardPolicy.TOLERATE).outcome()).isEqualTo(MISMATCH);
    }

    @Test
    void sipUriSanIsAnIdentityButNotWithAUserPart() {
        var cert = PKI.leaf("ignored", List.of(), List.of(), List.of("sip:trunk.example.net;transport=tls", "sip:alice@user.example.net")).leaf();
        assertThat(PeerNameMatcher.match(cert, "trunk.example.net", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
        assertThat(PeerNameMatcher.match(cert, "user.example.net", WildcardPolicy.STRICT).outcome()).isEqualTo(MISMATCH);
        // A URI SAN exists, so the CN is not consulted (RFC 5922 section 7.1).
        assertThat(PeerNameMatcher.match(cert, "ignored", WildcardPolicy.STRICT).outcome()).isEqualTo(MISMATCH);
    }

    @Test
    void commonNameOnlyWhenNoDnsOrUriSan() {
        var cnOnly = PKI.leaf("legacy.example.org", List.of(), List.of(), List.of()).leaf();
        assertThat(PeerNameMatcher.match(cnOnly, "legacy.example.org", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
        var withSan = PKI.leaf("cn.example.org", List.of("san.example.org"), List.of(), List.of()).leaf();
        assertThat(PeerNameMatcher.match(withSan, "cn.example.org", WildcardPolicy.STRICT).outcome()).isEqualTo(MISMATCH);
    }

    @Test
    void ipSanMatchesIpTargetsOnly() {
        var cert = PKI.leaf("pbx", List.of("pbx.example.org"), List.of("192.0.2.10", "2001:db8::5"), List.of()).leaf();
        assertThat(PeerNameMatcher.match(cert, "192.0.2.10", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
        assertThat(PeerNameMatcher.match(cert, "[2001:DB8:0::5]", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
        assertThat(PeerNameMatcher.match(cert, "192.0.2.11", WildcardPolicy.STRICT).outcome()).isEqualTo(MISMATCH);
    }

    @Test
    void wildcardUnderStrictIsRefusedUnderTolerateAccepted() {
        var cert = PKI.leaf("*.example.com").leaf();
        var strict = PeerNameMatcher.match(cert, "sip.example.com", WildcardPolicy.STRICT);
        assertThat(strict.outcome()).isEqualTo(WILDCARD_REFUSED);
        assertThat(strict.matchedIdentity()).isEqualTo("*.example.com");
        assertThat(PeerNameMatcher.match(cert, "sip.example.com", WildcardPolicy.TOLERATE).outcome()).isEqualTo(WILDCARD_TOLERATED);
    }

    @Test
    void exactNameWinsOverWildcardEvenWhenStrict() {
        var cert = PKI.leaf("*.example.com", "sip.example.com").leaf();
        assertThat(PeerNameMatcher.match(cert, "sip.example.com", WildcardPolicy.STRICT).outcome()).isEqualTo(EXACT);
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "*.example.com, a.example.com, true",
            "*.example.com, A.EXAMPLE.com, true",
            "*.example.com, a.b.example.com, false",   // exactly one label
            "*.example.com, example.com, false",       // the wildcard label must not be empty
            "*.com, example.com, false",               // never a single-label suffix
            "f*.example.com, foo.example.com, false",  // no partial-label wildcards
            "*oo.example.com, foo.example.com, false",
            "a.*.example.com, a.b.example.com, false", // only the left-most label
            "*.*.example.com, a.b.example.com, false",
            "*.example.com, 192.0.2.1, false",
    })
    void wildcardRule(String identity, String host, boolean matches) {
        assertThat(PeerNameMatcher.wildcardMatches(identity, host.toLowerCase(java.util.Locale.ROOT))).isEqualTo(matches);
    }

    @Test
    void partialWildcardCertificateIsAMismatchEvenWhenTolerated() {
        var cert = PKI.leaf("f*.example.com").leaf();
        assertThat(PeerNameMatcher.match(cert, "foo.example.com", WildcardPolicy.TOLERATE).outcome()).isEqualTo(MISMATCH);
        var tld = PKI.leaf("*.com").leaf();
        assertThat(PeerNameMatcher.match(tld, "example.com", WildcardPolicy.TOLERATE).outcome()).isEqualTo(MISMATCH);
    }
}
