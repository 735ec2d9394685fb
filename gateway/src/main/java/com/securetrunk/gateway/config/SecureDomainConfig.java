package com.securetrunk.gateway.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The secure domain ({@code securetrunk.secure-domain}).
 *
 * @param targets where calls from the PBX go, tried in order; may be empty (then only {@code ;secure=true} calls route)
 * @param profile name of the domain's compatibility profile (checked to exist)
 * @param digest  credentials for 401/407 challenges, when configured
 */
public record SecureDomainConfig(List<SipTarget> targets, String profile, Optional<DigestCredentials> digest) {

    public SecureDomainConfig {
        targets = List.copyOf(targets);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Digest credentials (RFC 3261 section 22).
     *
     * @param username never empty
     * @param password redacted in {@code toString}
     */
    public record DigestCredentials(String username, Secret password) {
        public DigestCredentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }
}
