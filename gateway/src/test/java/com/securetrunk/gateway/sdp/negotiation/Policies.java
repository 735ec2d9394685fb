package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.load.ProfileLoader;

/** Policy by name for tests: a built-in profile through {@link ProfilePolicies}, else one of {@link SdesPolicies}. */
final class Policies {

    static final ProfileCatalog CATALOG = ProfileLoader.builtInCatalog();

    private Policies() {
    }

    static SdesPolicy named(String name) {
        return CATALOG.find(name).map(ProfilePolicies::of).orElseGet(() -> SdesPolicies.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("no profile or policy named " + name + " (profiles: "
                        + CATALOG.names() + ", policies: " + SdesPolicies.names() + ")")));
    }
}
