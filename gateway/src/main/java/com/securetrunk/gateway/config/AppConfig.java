package com.securetrunk.gateway.config;

import java.util.Objects;

/**
 * The whole application configuration ({@code securetrunk { ... }}), validated and immutable. Built by
 * {@link AppConfigLoader}; reference.conf documents every key and default.
 */
public record AppConfig(SipConfig sip, PbxConfig pbx, SecureDomainConfig secureDomain, TlsConfig tls,
                        MediaConfig media, LimitsConfig limits, AmiConfig ami, MetricsConfig metrics,
                        ProfilesConfig profiles) {
    public AppConfig {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(secureDomain, "secureDomain");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(profiles, "profiles");
    }
}
