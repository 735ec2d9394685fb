package com.securetrunk.profiles;

import java.util.Optional;

/**
 * SRTP crypto-suite names as written in SDP {@code a=crypto} lines (RFC 4568 section 6.2, RFC 6188,
 * RFC 7714), the closed list a profile may name.
 *
 * <p>The {@linkplain #supported() supported} ones are exactly the suites of the gateway's SRTP engine
 * ({@code com.securetrunk.gateway.srtp.SrtpSuite}, same constant names: map with {@code SrtpSuite.valueOf(name())}).
 * The others are known so that a profile naming them gets a precise error ("known but not supported")
 * instead of "unknown suite", and so that the SDP layer can say why it skips them.
 */
public enum SuiteName {
    AES_CM_128_HMAC_SHA1_80(true, "RFC 4568 section 6.2.1"),
    AES_CM_128_HMAC_SHA1_32(true, "RFC 4568 section 6.2.2"),
    AES_256_CM_HMAC_SHA1_80(true, "RFC 6188 section 7.1"),
    AES_256_CM_HMAC_SHA1_32(true, "RFC 6188 section 7.1"),
    /** AES-GCM (RFC 7714): not implemented by the SRTP engine. */
    AEAD_AES_128_GCM(false, "RFC 7714 section 14.2"),
    /** AES-GCM (RFC 7714): not implemented by the SRTP engine. */
    AEAD_AES_256_GCM(false, "RFC 7714 section 14.2"),
    /** Non-RFC name PJSIP 2.5 used for AES_256_CM_HMAC_SHA1_80 (renamed in 2.5.5, pjproject 468c0625b). */
    AES_CM_256_HMAC_SHA1_80(false, "pjproject 2.5 transport_srtp.c, not an RFC name"),
    /** Non-RFC name PJSIP 2.5 used for AES_256_CM_HMAC_SHA1_32 (renamed in 2.5.5, pjproject 468c0625b). */
    AES_CM_256_HMAC_SHA1_32(false, "pjproject 2.5 transport_srtp.c, not an RFC name");

    private final boolean supported;
    private final String definedBy;

    SuiteName(boolean supported, String definedBy) {
        this.supported = supported;
        this.definedBy = definedBy;
    }

    /** True when SecureTrunk's SRTP engine implements this suite, so a profile may offer or accept it. */
    public boolean supported() {
        return supported;
    }

    /** Where the name is defined (an RFC section, or the product that invented it). */
    public String definedBy() {
        return definedBy;
    }

    /** The name exactly as written in an SDP {@code a=crypto} line. */
    public String sdpName() {
        return name();
    }

    /** Looks a suite up by its SDP name (case-sensitive, as RFC 4568 defines the tokens); empty when unknown. */
    public static Optional<SuiteName> fromSdpName(String name) {
        for (SuiteName s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
