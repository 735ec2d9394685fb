package com.securetrunk.gateway.srtp;

import java.util.Locale;
import java.util.Optional;

/**
 * The SRTP crypto suites SecureTrunk implements, with the names used in SDP {@code a=crypto} lines.
 *
 * <p>Closed on purpose: a profile lists which of these are allowed; anything else a peer offers is
 * an unknown name that the SDP layer skips (RFC 4568 section 6.2 lets an answerer ignore lines it does
 * not understand).
 *
 * <pre>
 * name                      cipher      key  salt  SRTP tag  SRTCP tag   source
 * AES_CM_128_HMAC_SHA1_80   AES-128-CM  16   14    10        10          RFC 4568 section 6.2.1
 * AES_CM_128_HMAC_SHA1_32   AES-128-CM  16   14     4        10          RFC 4568 section 6.2.2 (SRTCP keeps 80 bits)
 * AES_256_CM_HMAC_SHA1_80   AES-256-CM  32   14    10        10          RFC 6188 section 7.1
 * AES_256_CM_HMAC_SHA1_32   AES-256-CM  32   14     4        10          RFC 6188 section 7.1
 * </pre>
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(16, 14, 10, 10),
    AES_CM_128_HMAC_SHA1_32(16, 14, 4, 10),
    AES_256_CM_HMAC_SHA1_80(32, 14, 10, 10),
    AES_256_CM_HMAC_SHA1_32(32, 14, 4, 10);

    private final int keyLength;
    private final int saltLength;
    private final int srtpTagLength;
    private final int srtcpTagLength;

    SrtpSuite(int keyLength, int saltLength, int srtpTagLength, int srtcpTagLength) {
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.srtpTagLength = srtpTagLength;
        this.srtcpTagLength = srtcpTagLength;
    }

    /** The suite name exactly as written in an SDP {@code a=crypto} line. */
    public String sdpName() {
        return name();
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes (112 bits for every AES-CM suite). */
    public int saltLength() {
        return saltLength;
    }

    /** Length in bytes of the {@code inline:} key||salt material. */
    public int keyMaterialLength() {
        return keyLength + saltLength;
    }

    /** Authentication tag length appended to SRTP packets, in bytes. */
    public int srtpTagLength() {
        return srtpTagLength;
    }

    /** Authentication tag length appended to SRTCP packets, in bytes: always 10 (RFC 4568 section 6.2.2). */
    public int srtcpTagLength() {
        return srtcpTagLength;
    }

    /** Looks a suite up by its SDP name (case-sensitive, as RFC 4568 defines the tokens); empty when unknown. */
    public static Optional<SrtpSuite> fromSdpName(String name) {
        for (SrtpSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
