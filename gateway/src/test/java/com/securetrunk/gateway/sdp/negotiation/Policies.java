package com.securetrunk.gateway.sdp.negotiation;

/** Policy by profile name for tests: the built-in {@link SdesPolicies}. */
final class Policies {

    private Policies() {
    }

    static SdesPolicy named(String name) {
        return SdesPolicies.byName(name).orElseThrow(() -> new IllegalArgumentException("no policy named " + name
                + " (known: " + SdesPolicies.names() + ")"));
    }
}
