package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.config.Secret;
import com.securetrunk.gateway.config.TlsConfig;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code securetrunk.tls} to contexts: configured PEM, or the development certificate; CA bundle or JDK trust store. */
class TlsSetupTest {
    @TempDir
    Path dir;

    @Test
    void noCertificateConfiguredMeansDevCertificateAndJdkTrustStore() {
        Path dev = dir.resolve("securetrunk-dev-cert.p12");
        TlsConfig config = new TlsConfig(Optional.empty(), Optional.empty(), Secret.empty(), Optional.empty(), dev);
        TlsContextFactory f = TlsSetup.fromConfig(config, List.of("gw.example.net"), Clock.systemUTC());
        assertThat(Files.exists(dev)).isTrue();
        assertThat(f.identity().leaf().getSubjectX500Principal().getName()).contains("gw.example.net");
        assertThat(TlsSetup.caBundle(config)).isNotEmpty(); // the JDK's cacerts
    }

    @Test
    void pemCertificateKeyAndCaBundle() throws Exception {
        TestPki pki = new TestPki("setup");
        TlsIdentity id = pki.leaf("gw.example.net");
        Path cert = write("cert.pem", id.chain().get(0), id.chain().get(1));
        Path key = write("key.pem", new JcaPKCS8Generator(id.privateKey(), null));
        Path ca = write("ca.pem", pki.caCert);
        TlsConfig config = new TlsConfig(Optional.of(cert), Optional.of(key), Secret.empty(), Optional.of(ca), dir.resolve("unused.p12"));
        TlsContextFactory f = TlsSetup.fromConfig(config, List.of(), Clock.systemUTC());
        assertThat(f.identity().chain()).containsExactlyElementsOf(id.chain());
        assertThat(TlsSetup.caBundle(config)).containsExactly(pki.caCert);
        assertThat(Files.exists(dir.resolve("unused.p12"))).isFalse();
    }

    private Path write(String name, Object... objects) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sw.toString());
        return p;
    }
}
