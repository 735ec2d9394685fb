package com.securetrunk.profiles;

import java.util.Arrays;
import java.util.Objects;

/**
 * TLS toward (or from) one kind of peer: read by the TLS edge to build the per-side {@code SSLParameters}.
 *
 * @param minVersion           oldest protocol version allowed ({@code signalling.tls.min-version})
 * @param maxVersion           newest protocol version allowed ({@code signalling.tls.max-version}); never below min
 * @param verifyCertificates   whether the peer's certificate chain and name are checked
 *                             ({@code signalling.tls.verify-certificates})
 * @param wildcardPolicy       how a wildcard name in the peer's certificate is treated
 *                             ({@code signalling.tls.wildcard-policy})
 */
public record TlsSettings(TlsVersion minVersion, TlsVersion maxVersion, boolean verifyCertificates,
                          WildcardPolicy wildcardPolicy) {
    public TlsSettings {
        Objects.requireNonNull(minVersion, "minVersion");
        Objects.requireNonNull(maxVersion, "maxVersion");
        Objects.requireNonNull(wildcardPolicy, "wildcardPolicy");
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("min-version " + minVersion.configName()
                    + " is above max-version " + maxVersion.configName());
        }
    }

    /** True when {@code version} lies within [min, max]. */
    public boolean allows(TlsVersion version) {
        return version.compareTo(minVersion) >= 0 && version.compareTo(maxVersion) <= 0;
    }

    /** The JSSE protocol names from min to max, oldest first, e.g. {@code [TLSv1.2, TLSv1.3]}. */
    public String[] jsseProtocols() {
        return Arrays.stream(TlsVersion.values()).filter(this::allows).map(TlsVersion::jsseName).toArray(String[]::new);
    }
}
