package com.securetrunk.gateway.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cipher suites we enable, in preference order. Forward secrecy (ECDHE) and AEAD (GCM, ChaCha20-Poly1305) only;
 * the CBC-SHA ECDHE suites are added solely for policies that allow TLS 1.0/1.1, which have no AEAD suites.
 *
 * <p>Never enabled: RSA key exchange, static (EC)DH, anonymous, NULL, export, RC4, 3DES, MD5 — i.e. everything in
 * JAIN-SIP RI 1.3.0-91's default {@code ENABLED_CIPHER_SUITES} ({@code TLS_RSA_WITH_AES_128_CBC_SHA},
 * {@code SSL_RSA_WITH_3DES_EDE_CBC_SHA}, {@code TLS_DH_anon_*}).
 */
public final class CipherSuites {
    /** RFC 8446 section 9.1 suites (TLS 1.3 has no key-exchange part in the name). */
    static final List<String> TLS13 = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    /** TLS 1.2: ECDHE + AEAD (RFC 5289, RFC 7905). */
    static final List<String> TLS12 = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** TLS 1.0/1.1 can only use CBC suites; these keep forward secrecy (RFC 4492). */
    static final List<String> LEGACY = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

    private CipherSuites() {
    }

    /** The suites for {@code policy}, preference order, before filtering by what a provider supports. */
    public static List<String> forPolicy(TlsPeerPolicy policy) {
        List<String> out = new ArrayList<>();
        if (policy.permits(TlsVersion.TLS_1_3)) {
            out.addAll(TLS13);
        }
        if (policy.minVersion().compareTo(TlsVersion.TLS_1_2) <= 0 && policy.maxVersion().compareTo(TlsVersion.TLS_1_2) >= 0) {
            out.addAll(TLS12);
        }
        if (policy.allowsLegacyVersions()) {
            out.addAll(LEGACY);
        }
        return out;
    }

    /** {@link #forPolicy} restricted to {@code supported} (a provider's {@code getSupportedCipherSuites()}). */
    public static String[] forPolicy(TlsPeerPolicy policy, String[] supported) {
        Set<String> available = new HashSet<>(Arrays.asList(supported));
        return forPolicy(policy).stream().filter(available::contains).toArray(String[]::new);
    }

    /**
     * True for a suite we consider weak: no forward secrecy, no authentication, no or broken encryption.
     * Used by tests and by the startup check that JAIN-SIP's defaults never leak through.
     */
    public static boolean isWeak(String suite) {
        String s = suite.toUpperCase(java.util.Locale.ROOT);
        if (s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")) {
            return false;
        }
        return !s.startsWith("TLS_ECDHE_") || s.contains("_ANON_") || s.contains("NULL") || s.contains("RC4")
                || s.contains("3DES") || s.contains("_DES_") || s.contains("EXPORT") || s.contains("MD5");
    }
}
