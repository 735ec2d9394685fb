package com.securetrunk.gateway.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Certificates ({@code securetrunk.tls}). Files named here were checked to exist when the config was loaded.
 *
 * @param certificate    PEM chain or PKCS#12 file; empty = generate/keep a development certificate
 * @param privateKey     PEM private key for a PEM certificate
 * @param keyPassword    password of the PKCS#12 file or encrypted PEM key; may be empty
 * @param caBundle       PEM CA certificates trusted for peers; empty = the JDK's default trust store
 * @param devCertificate where the self-signed development certificate is kept (PKCS#12)
 */
public record TlsConfig(Optional<Path> certificate, Optional<Path> privateKey, Secret keyPassword,
                        Optional<Path> caBundle, Path devCertificate) {

    public TlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(devCertificate, "devCertificate");
    }

    /** True when the certificate file is PKCS#12 (by its {@code .p12} / {@code .pfx} extension). */
    public boolean certificateIsPkcs12() {
        return certificate.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                .map(n -> n.endsWith(".p12") || n.endsWith(".pfx")).orElse(false);
    }
}
