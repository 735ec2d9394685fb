package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated once, kept, reused, and announced in the log each start. */
class DevelopmentCertificateTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnFirstStartKeptAndReused() throws Exception {
        Path p12 = dir.resolve("state/securetrunk-dev-cert.p12");
        TlsIdentity first;
        try (LogCapture log = new LogCapture(DevelopmentCertificate.class)) {
            first = DevelopmentCertificate.loadOrCreate(p12, List.of("gw.example.net"), Clock.systemUTC());
            assertThat(log.messages()).hasSize(1);
            assertThat(log.messages().get(0)).contains("generated a self-signed development certificate").contains(p12.toString());
        }
        assertThat(Files.exists(p12)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
        List<Object> sans = first.leaf().getSubjectAlternativeNames().stream().map(san -> san.get(1)).map(Object.class::cast).toList();
        assertThat(sans).contains("gw.example.net", "localhost", "127.0.0.1");

        try (LogCapture log = new LogCapture(DevelopmentCertificate.class)) {
            TlsIdentity second = DevelopmentCertificate.loadOrCreate(p12, List.of("gw.example.net"), Clock.systemUTC());
            assertThat(second.leaf()).isEqualTo(first.leaf());
            assertThat(log.messages()).hasSize(1);
            assertThat(log.messages().get(0)).contains("generated earlier");
        }
    }

    @Test
    void devCertificateServesARealHandshakeToAPeerThatPinsIt() throws Exception {
        TlsIdentity dev = DevelopmentCertificate.loadOrCreate(dir.resolve("dev.p12"), List.of("gw.example.net"), Clock.systemUTC());
        // A peer that has the dev certificate in its bundle (pinned) accepts it; one with a CA bundle only refuses it.
        TlsContextFactory pinned = new TlsContextFactory(dev, List.of(dev.leaf()));
        var ok = TlsHandshakeTest.handshake(dev, TlsPeerPolicy.secureDomain(null), pinned, TlsPeerPolicy.secureDomain("gw.example.net"));
        assertThat(ok.succeeded()).as("%s", ok).isTrue();
        TlsContextFactory strangers = new TlsContextFactory(dev, List.of(new TestPki("x").caCert));
        var refused = TlsHandshakeTest.handshake(dev, TlsPeerPolicy.secureDomain(null), strangers, TlsPeerPolicy.secureDomain("gw.example.net"));
        assertThat(refused.refusal().reason()).isEqualTo(CertificateRefusal.Reason.UNKNOWN_CA);
    }
}
