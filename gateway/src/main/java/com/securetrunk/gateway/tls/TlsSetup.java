package com.securetrunk.gateway.tls;

import com.securetrunk.gateway.config.TlsConfig;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns the application's TLS configuration ({@code securetrunk.tls}) into a {@link TlsContextFactory}: our identity
 * from PEM or PKCS#12, or the development certificate; peers' CAs from the PEM bundle, or the JDK's default trust
 * store when none is configured.
 */
public final class TlsSetup {
    private TlsSetup() {
    }

    /**
     * @param devHostNames names for the development certificate's subjectAltName, if one has to be generated
     */
    public static TlsContextFactory fromConfig(TlsConfig config, List<String> devHostNames, Clock clock) {
        return new TlsContextFactory(identity(config, devHostNames, clock), caBundle(config), clock, new WildcardToleranceLog());
    }

    static TlsIdentity identity(TlsConfig config, List<String> devHostNames, Clock clock) {
        char[] password = config.keyPassword().reveal().toCharArray();
        if (config.certificate().isEmpty()) {
            return DevelopmentCertificate.loadOrCreate(config.devCertificate(), devHostNames, clock);
        }
        if (config.certificateIsPkcs12()) {
            return CertificateFiles.readPkcs12Identity(config.certificate().get(), password);
        }
        return CertificateFiles.readPemIdentity(config.certificate().get(),
                config.privateKey().orElse(config.certificate().get()), password.length == 0 ? null : password);
    }

    static List<X509Certificate> caBundle(TlsConfig config) {
        return config.caBundle().map(CertificateFiles::readCaBundle).orElseGet(TlsSetup::jdkDefaultTrustAnchors);
    }

    /** The CAs of the JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} if set). */
    public static List<X509Certificate> jdkDefaultTrustAnchors() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return Arrays.asList(x.getAcceptedIssuers());
                }
            }
            return List.of();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's default trust store: " + e.getMessage(), e);
        }
    }
}
