package com.securetrunk.gateway.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The legacy PBX ({@code securetrunk.pbx}).
 *
 * @param allowedSources addresses/CIDR blocks whose requests reach the legacy side (others get 403)
 * @param profile        name of the PBX's compatibility profile (checked to exist)
 * @param target         where calls from the secure domain are sent
 */
public record PbxConfig(List<AddressRange> allowedSources, String profile, SipTarget target) {

    public PbxConfig {
        allowedSources = List.copyOf(allowedSources);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
    }

    /** True when a request from {@code source} may reach the legacy side. */
    public boolean allows(InetAddress source) {
        for (AddressRange r : allowedSources) {
            if (r.contains(source)) {
                return true;
            }
        }
        return false;
    }
}
