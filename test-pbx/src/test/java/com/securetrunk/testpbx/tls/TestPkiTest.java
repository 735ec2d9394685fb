package com.securetrunk.testpbx.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated certificates have the properties the tests and the gateway rely on. */
class TestPkiTest {
    private final TestPki pki = TestPki.shared();

    private static List<X509Certificate> readPem(java.nio.file.Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            Collection<? extends java.security.cert.Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            certs.forEach(c -> out.add((X509Certificate) c));
            return out;
        }
    }

    private static List<String> dnsNames(X509Certificate c) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<?> san : c.getSubjectAlternativeNames()) {
            if ((Integer) san.get(0) == 2) {
                out.add((String) san.get(1));
            }
        }
        return out;
    }

    @Test
    void pemFilesParseBackAndChainToTheCa() throws Exception {
        X509Certificate ca = readPem(pki.caPem()).get(0);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        for (TestPki.Leaf leaf : new TestPki.Leaf[] {TestPki.Leaf.NORMAL, TestPki.Leaf.WILDCARD, TestPki.Leaf.EXPIRED}) {
            List<X509Certificate> chain = readPem(pki.leaf(leaf).certPem());
            assertThat(chain).hasSize(2);
            chain.get(0).verify(ca.getPublicKey());
            assertThat(Files.readString(pki.leaf(leaf).keyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
        }
    }

    @Test
    void wildcardExpiredAndUnknownCaLeaves() throws Exception {
        X509Certificate wildcard = pki.leaf(TestPki.Leaf.WILDCARD).certificate();
        assertThat(dnsNames(wildcard)).containsExactly("*.sip.example.test");
        assertThat(wildcard.getSubjectX500Principal().getName()).contains("CN=*.sip.example.test");
        wildcard.checkValidity();

        X509Certificate expired = pki.leaf(TestPki.Leaf.EXPIRED).certificate();
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);

        X509Certificate normal = pki.leaf(TestPki.Leaf.NORMAL).certificate();
        assertThat(dnsNames(normal)).contains(TestPki.DOMAIN_HOST, "localhost");
        normal.checkValidity();

        X509Certificate stranger = pki.leaf(TestPki.Leaf.UNKNOWN_CA).certificate();
        assertThatThrownBy(() -> stranger.verify(pki.caCertificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
        assertThat(pki.leaf(TestPki.Leaf.UNKNOWN_CA).toString()).contains("key redacted");
    }

    @Test
    void issuesExtraLeavesForTheGateway() throws Exception {
        TestPki.Issued gw = pki.issue("gateway", "gw.example.test");
        assertThat(dnsNames(gw.certificate())).contains("gw.example.test");
        gw.certificate().verify(pki.caCertificate().getPublicKey());
        assertThat(Files.exists(pki.directory().resolve("gateway-key.pem"))).isTrue();
    }

    @Test
    void unknownCertificateKindIsExplained() {
        assertThatThrownBy(() -> TestPki.Leaf.parse("selfsigned")).hasMessageContaining("selfsigned")
                .hasMessageContaining("wildcard");
        assertThat(TestPki.Leaf.parse("unknown-ca")).isEqualTo(TestPki.Leaf.UNKNOWN_CA);
    }
}
