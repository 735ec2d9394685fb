package com.securetrunk.gateway.tls;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The TLS rules for one peer (or one side's listener): versions, whether its certificate is verified, the wildcard
 * policy, the name it must prove, and whether we ask it for a client certificate.
 *
 * <p>This is the tls package's own input: the profile model maps onto it (an adapter lives with the wiring), so this
 * package depends on no configuration format.
 *
 * @param minVersion       lowest version accepted; below TLS 1.2 only for legacy PBXs whose profile allows it
 * @param maxVersion       highest version offered
 * @param verifyPeer       verify the peer's chain against the CA bundle, its validity dates and its name
 * @param wildcardPolicy   {@link WildcardPolicy#STRICT} (RFC 5922 section 7.2) or {@link WildcardPolicy#TOLERATE} (RFC 6125)
 * @param expectedHostName the name the peer's certificate must carry when we connect to it (also sent as SNI);
 *                         null means "the host we were asked to connect to"
 * @param clientAuth       whether, as a server, we ask this side's peers for a certificate
 */
public record TlsPeerPolicy(TlsVersion minVersion, TlsVersion maxVersion, boolean verifyPeer,
                            WildcardPolicy wildcardPolicy, String expectedHostName, ClientAuth clientAuth) {

    public TlsPeerPolicy {
        Objects.requireNonNull(minVersion, "minVersion");
        Objects.requireNonNull(maxVersion, "maxVersion");
        Objects.requireNonNull(wildcardPolicy, "wildcardPolicy");
        Objects.requireNonNull(clientAuth, "clientAuth");
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("TLS minVersion " + minVersion.protocolName()
                    + " is above maxVersion " + maxVersion.protocolName() + " (expected: min <= max)");
        }
        if (expectedHostName != null) {
            expectedHostName = normalizeHost(expectedHostName);
            if (expectedHostName.isEmpty()) {
                expectedHostName = null;
            }
        }
    }

    /** Toward a secure domain (Twilio and the like): TLS 1.2-1.3, verified, wildcards refused, no client-auth request. */
    public static TlsPeerPolicy secureDomain(String expectedHostName) {
        return new TlsPeerPolicy(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, true, WildcardPolicy.STRICT,
                expectedHostName, ClientAuth.NONE);
    }

    /** Toward or from a legacy PBX: TLS 1.2-1.3, verified, wildcards refused, client certificate wanted. */
    public static TlsPeerPolicy legacyPbx(String expectedHostName) {
        return new TlsPeerPolicy(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, true, WildcardPolicy.STRICT,
                expectedHostName, ClientAuth.WANT);
    }

    public TlsPeerPolicy withVersions(TlsVersion min, TlsVersion max) {
        return new TlsPeerPolicy(min, max, verifyPeer, wildcardPolicy, expectedHostName, clientAuth);
    }

    public TlsPeerPolicy withWildcardPolicy(WildcardPolicy policy) {
        return new TlsPeerPolicy(minVersion, maxVersion, verifyPeer, policy, expectedHostName, clientAuth);
    }

    public TlsPeerPolicy withExpectedHostName(String host) {
        return new TlsPeerPolicy(minVersion, maxVersion, verifyPeer, wildcardPolicy, host, clientAuth);
    }

    public TlsPeerPolicy withVerifyPeer(boolean verify) {
        return new TlsPeerPolicy(minVersion, maxVersion, verify, wildcardPolicy, expectedHostName, clientAuth);
    }

    public TlsPeerPolicy withClientAuth(ClientAuth auth) {
        return new TlsPeerPolicy(minVersion, maxVersion, verifyPeer, wildcardPolicy, expectedHostName, auth);
    }

    /** True when TLS 1.0 or 1.1 is allowed, which needs the BCJSSE provider. */
    public boolean allowsLegacyVersions() {
        return minVersion.isLegacy();
    }

    /** Enabled protocol names, newest first. */
    public List<String> protocolNames() {
        return TlsVersion.protocolNames(minVersion, maxVersion);
    }

    /** True when {@code version} lies within [min, max]. */
    public boolean permits(TlsVersion version) {
        return version.compareTo(minVersion) >= 0 && version.compareTo(maxVersion) <= 0;
    }

    /** Lower case, no trailing dot, no IPv6 brackets: the form names are compared in. */
    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
