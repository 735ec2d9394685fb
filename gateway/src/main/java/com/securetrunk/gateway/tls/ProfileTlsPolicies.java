package com.securetrunk.gateway.tls;

import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.TlsSettings;

/**
 * Maps a compatibility profile's TLS section ({@code signalling.tls}) onto {@link TlsPeerPolicy}. The profile says
 * what the kind of peer can do (versions, whether its certificates can be verified, wildcard policy); the caller adds
 * what only the deployment knows: the host name the peer must prove (the configured target) and whether our listener
 * for that side asks for client certificates.
 */
public final class ProfileTlsPolicies {
    private ProfileTlsPolicies() {
    }

    /** The policy for a peer described by {@code profile}, reached as (or expected to be) {@code expectedHostName}. */
    public static TlsPeerPolicy forPeer(Profile profile, String expectedHostName, ClientAuth clientAuth) {
        return from(profile.tls(), expectedHostName, clientAuth);
    }

    static TlsPeerPolicy from(TlsSettings tls, String expectedHostName, ClientAuth clientAuth) {
        return new TlsPeerPolicy(version(tls.minVersion()), version(tls.maxVersion()), tls.verifyCertificates(),
                wildcard(tls.wildcardPolicy()), expectedHostName, clientAuth);
    }

    static TlsVersion version(com.securetrunk.profiles.TlsVersion v) {
        return switch (v) {
            case TLS_1_0 -> TlsVersion.TLS_1_0;
            case TLS_1_1 -> TlsVersion.TLS_1_1;
            case TLS_1_2 -> TlsVersion.TLS_1_2;
            case TLS_1_3 -> TlsVersion.TLS_1_3;
        };
    }

    static WildcardPolicy wildcard(com.securetrunk.profiles.WildcardPolicy p) {
        return switch (p) {
            case STRICT -> WildcardPolicy.STRICT;
            case TOLERATE -> WildcardPolicy.TOLERATE;
        };
    }
}
