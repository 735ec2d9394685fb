package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.securetrunk.gateway.srtp.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static com.securetrunk.gateway.srtp.SrtpSuite.AES_CM_128_HMAC_SHA1_80;

/**
 * Built-in SDES policies independent of profile files (facts in shared/reference/compat-notes.md sections 1, 3, 7):
 * used by unit tests, and by the CLI for the side whose profile is not given.
 */
public final class SdesPolicies {

    private SdesPolicies() {
    }

    /** Twilio Secure Media: SRTP required, _80 then _32, no MKI (twilio.com/docs/voice/api/secure-media). */
    public static final SdesPolicy TWILIO_SECURE = SdesPolicy.builder("twilio-secure", SrtpMode.REQUIRED)
            .offerSuites(List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .acceptSuites(EnumSet.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .acceptedSessionParams(Set.of()).telephoneEventPt(101).build();

    /**
     * pjsua / pjmedia 2.5 with SRTP optional: accepts all four AES-CM suites; 2.5 names its 256-bit suites
     * AES_CM_256_* (non-RFC), which are unknown names and skipped when it offers them.
     */
    public static final SdesPolicy PJSIP_2_5 = SdesPolicy.builder("pjsip-2.5", SrtpMode.OPTIONAL)
            .offerSuites(List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .acceptSuites(EnumSet.allOf(SrtpSuite.class)).acceptedSessionParams(Set.of())
            .stripAttributes(Set.of("X-nat")).build();

    /** pjsua 2.5.5: same parser as 2.5; 256-bit suites carry their RFC 6188 names. */
    public static final SdesPolicy PJSIP_2_5_5 = rename(PJSIP_2_5, "pjsip-2.5.5");

    /**
     * Asterisk 13.8-cert2 (main/sdp_srtp.c): only AES_CM_128 suites, any session parameter rejects the line, tag 0
     * rejected, keys exactly 30 bytes. We offer one _80 line with tag 1, no lifetime, no parameters.
     */
    public static final SdesPolicy ASTERISK_13_8_CERT2 = SdesPolicy.builder("asterisk-13.8-cert2", SrtpMode.OPTIONAL)
            .offerSuites(List.of(AES_CM_128_HMAC_SHA1_80))
            .acceptSuites(EnumSet.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .acceptedSessionParams(Set.of()).telephoneEventPt(101).build();

    /** A PBX that speaks plain RTP only (the usual legacy side): SRTP off. */
    public static final SdesPolicy LEGACY_PLAIN = SdesPolicy.builder("legacy-plain", SrtpMode.OFF)
            .telephoneEventPt(101).build();

    /** Accepts what our engine can do, either transport; the CLI's default for the side that has no profile given. */
    public static final SdesPolicy PERMISSIVE = SdesPolicy.builder("permissive", SrtpMode.OPTIONAL)
            .offerSuites(List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .acceptSuites(EnumSet.allOf(SrtpSuite.class)).minAcceptedLifetime(0).build();

    private static final Map<String, SdesPolicy> BY_NAME = Stream.of(TWILIO_SECURE, PJSIP_2_5,
                    PJSIP_2_5_5, ASTERISK_13_8_CERT2, LEGACY_PLAIN, PERMISSIVE)
            .collect(Collectors.toUnmodifiableMap(SdesPolicy::profileName, Function.identity()));

    private static SdesPolicy rename(SdesPolicy p, String name) {
        return new SdesPolicy(name, p.srtp(), p.offerSuites(), p.acceptSuites(), p.offerLifetime(), p.acceptLifetime(),
                p.minAcceptedLifetime(), p.acceptMki(), p.acceptedSessionParams(), p.exactKeyLength(),
                p.bestEffortOffer(), p.telephoneEventPt(), p.rtcpMux(), p.ptime(), p.stripAttributes());
    }

    public static Optional<SdesPolicy> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }
}
