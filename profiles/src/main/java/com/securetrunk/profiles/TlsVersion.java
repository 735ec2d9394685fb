package com.securetrunk.profiles;

import java.util.Optional;

/**
 * TLS protocol versions, ordered oldest first, so {@code compareTo} orders them.
 * Written in profile files as {@code "1.0"} ... {@code "1.3"}.
 */
public enum TlsVersion {
    TLS_1_0("1.0", "TLSv1"),
    TLS_1_1("1.1", "TLSv1.1"),
    TLS_1_2("1.2", "TLSv1.2"),
    TLS_1_3("1.3", "TLSv1.3");

    private final String configName;
    private final String jsseName;

    TlsVersion(String configName, String jsseName) {
        this.configName = configName;
        this.jsseName = jsseName;
    }

    /** The spelling used in profile files, e.g. {@code 1.2}. */
    public String configName() {
        return configName;
    }

    /** The JSSE protocol name for {@code SSLParameters.setProtocols}, e.g. {@code TLSv1.2}. */
    public String jsseName() {
        return jsseName;
    }

    /** Looks a version up by its profile spelling ({@code 1.2}) or its JSSE name ({@code TLSv1.2}). */
    public static Optional<TlsVersion> fromName(String name) {
        for (TlsVersion v : values()) {
            if (v.configName.equals(name) || v.jsseName.equalsIgnoreCase(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
