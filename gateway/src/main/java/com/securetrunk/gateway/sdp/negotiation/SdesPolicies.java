package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.securetrunk.gateway.srtp.SrtpSuite.AES_256_CM_HMAC_SHA1_32;
import static com.securetrunk.gateway.srtp.SrtpSuite.AES_256_CM_HMAC_SHA1_80;
import static com.securetrunk.gateway.srtp.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static com.securetrunk.gateway.srtp.SrtpSuite.AES_CM_128_HMAC_SHA1_80;

/**
 * Built-in SDES policies for the peers we know (facts in shared/reference/compat-notes.md sections 1, 3, 7).
 * Used where no profile file is loaded, and as the expected result of the profile adapter.
 */
public final class SdesPolicies {

    private SdesPolicies() {
    }

    /** Twilio Secure Media: SRTP required, _80 then _32, no MKI (twilio.com/docs/voice/api/secure-media). */
    public static final SdesPolicy TWILIO_SECURE = SdesPolicy.of("twilio-secure", SrtpMode.REQUIRED,
            List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32),
            EnumSet.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32)).withTelephoneEventPt(101);

    /**
     * pjsua / pjmedia 2.5: fails the whole negotiation on one unparsable line, so we offer only the 128-bit
     * suites with plain {@code inline:} keys; 2.5 names its 256-bit suites AES_CM_256_* (non-RFC), which are
     * unknown names and skipped when it offers them.
     */
    public static final SdesPolicy PJSIP_2_5 = SdesPolicy.of("pjsip-2.5", SrtpMode.OPTIONAL,
            List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32),
            EnumSet.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, AES_256_CM_HMAC_SHA1_80,
                    AES_256_CM_HMAC_SHA1_32)).withAcceptedSessionParams(Set.of()).withStripAttributes(Set.of("X-nat"));

    /** pjsua 2.5.5: same parser as 2.5; 256-bit suites carry their RFC 6188 names. */
    public static final SdesPolicy PJSIP_2_5_5 = SdesPolicy.of("pjsip-2.5.5", SrtpMode.OPTIONAL,
            List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32),
            EnumSet.allOf(SrtpSuite.class)).withAcceptedSessionParams(Set.of()).withStripAttributes(Set.of("X-nat"));

    /**
     * Asterisk 13.8-cert2 (chan_sip / res_srtp of main/sdp_srtp.c): only AES_CM_128 suites, any session parameter
     * rejects the line, tag 0 rejected, lifetime below 1,800,000 rejected, keys exactly 30 bytes. We offer one
     * _80 line with tag 1, no lifetime, no parameters.
     */
    public static final SdesPolicy ASTERISK_13_8_CERT2 = SdesPolicy.of("asterisk-13.8-cert2", SrtpMode.OPTIONAL,
            List.of(AES_CM_128_HMAC_SHA1_80), EnumSet.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32))
            .withAcceptedSessionParams(Set.of()).withTelephoneEventPt(101);

    /** A PBX that speaks plain RTP only (the usual legacy side): SRTP off. */
    public static final SdesPolicy LEGACY_PLAIN = SdesPolicy.of("legacy-plain", SrtpMode.OFF, List.of(),
            EnumSet.noneOf(SrtpSuite.class)).withTelephoneEventPt(101);

    /** Accepts what our engine can do, either transport; used by the CLI for the side that has no profile given. */
    public static final SdesPolicy PERMISSIVE = SdesPolicy.of("permissive", SrtpMode.OPTIONAL,
            List.of(AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32), EnumSet.allOf(SrtpSuite.class))
            .withMinAcceptedLifetime(0);

    private static final Map<String, SdesPolicy> BY_NAME = Stream.of(TWILIO_SECURE, PJSIP_2_5, PJSIP_2_5_5,
                    ASTERISK_13_8_CERT2, LEGACY_PLAIN, PERMISSIVE)
            .collect(Collectors.toUnmodifiableMap(SdesPolicy::profileName, Function.identity()));

    public static Optional<SdesPolicy> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Set<String> names() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }
}
