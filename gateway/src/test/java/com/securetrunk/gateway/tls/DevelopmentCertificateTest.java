package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development certificate is generated once and read back on the next start (the second start used to fail). */
class DevelopmentCertificateTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnFirstStartAndReadBackOnTheNext() throws Exception {
        TlsIdentity first = DevelopmentCertificate.loadOrCreate(dir, List.of("gw.example.test"), Clock.systemUTC());
        assertThat(Files.readString(dir.resolve(DevelopmentCertificate.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
        TlsIdentity second = DevelopmentCertificate.loadOrCreate(dir, List.of("gw.example.test"), Clock.systemUTC());
        assertThat(second.leaf()).isEqualTo(first.leaf());
        assertThat(((java.security.interfaces.ECPrivateKey) second.privateKey()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) first.privateKey()).getS());
    }
}
