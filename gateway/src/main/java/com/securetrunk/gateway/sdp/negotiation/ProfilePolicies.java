package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.crypto.Lifetime;
import com.securetrunk.gateway.srtp.SrtpSuite;
import com.securetrunk.profiles.CryptoRules;
import com.securetrunk.profiles.Media;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.SuiteName;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Adapter from a compatibility {@link Profile} (module {@code profiles}) to the {@link SdesPolicy} the
 * negotiation reads. One place, so each profile key has exactly one meaning here:
 * <pre>
 * media.srtp                          -&gt; srtp (required / optional / off)
 * media.offer-suites, accept-suites   -&gt; offerSuites (order kept), acceptSuites
 * media.crypto.send-lifetime          -&gt; offerLifetime 2^31 (RFC 3711 SRTCP limit) or none
 * media.crypto.accept-lifetime        -&gt; acceptLifetime (with the 2^20 floor: we never re-key mid-call)
 * media.crypto.accept-mki             -&gt; acceptMki
 * media.crypto.allow-session-params   -&gt; acceptedSessionParams = what our engine honours (WSH, FEC_ORDER) or none
 * media.crypto.exact-key-length       -&gt; exactKeyLength
 * media.crypto.accept-tag-zero        -&gt; not needed: our offers number tags from 1, answers echo the peer's own tag
 * media.telephone-event-payload-type  -&gt; telephoneEventPt
 * media.rtcp-mux, media.ptime         -&gt; rtcpMux, ptime
 * </pre>
 * Optional SRTP peers are offered plain RTP/AVP (the profile model's rule; best-effort offers are not made).
 */
public final class ProfilePolicies {

    /** 2^31, the SRTCP index limit (RFC 3711 section 9.2) and the lifetime Asterisk and pjsua examples use. */
    static final Lifetime SENT_LIFETIME = Lifetime.powerOfTwo(31);

    private ProfilePolicies() {
    }

    public static SdesPolicy of(Profile profile) {
        Media m = profile.media();
        CryptoRules c = m.crypto();
        return SdesPolicy.builder(profile.name(), mode(m.srtp()))
                .offerSuites(m.offerSuites().stream().map(ProfilePolicies::suite).toList())
                .acceptSuites(m.acceptSuites().isEmpty() ? EnumSet.noneOf(SrtpSuite.class)
                        : EnumSet.copyOf(m.acceptSuites().stream().map(ProfilePolicies::suite).toList()))
                .offerLifetime(c.sendLifetime() ? SENT_LIFETIME : null)
                .acceptLifetime(c.acceptLifetime())
                .acceptMki(c.acceptMki())
                .acceptedSessionParams(c.sessionParamsAllowed() ? SdesPolicy.HONOURABLE_SESSION_PARAMS : Set.of())
                .exactKeyLength(c.exactKeyLength())
                .telephoneEventPt(m.telephoneEventPayloadType())
                .rtcpMux(m.rtcpMux())
                .ptime(m.ptime())
                .build();
    }

    static SrtpMode mode(com.securetrunk.profiles.SrtpMode mode) {
        return switch (mode) {
            case REQUIRED -> SrtpMode.REQUIRED;
            case OPTIONAL -> SrtpMode.OPTIONAL;
            case OFF -> SrtpMode.OFF;
        };
    }

    /** Profiles only list supported suites, which share the engine's constant names. */
    static SrtpSuite suite(SuiteName name) {
        return SrtpSuite.valueOf(name.name());
    }

    static List<SrtpSuite> suites(List<SuiteName> names) {
        return names.stream().map(ProfilePolicies::suite).toList();
    }
}
