package com.securetrunk.gateway.srtp;

/**
 * The cryptographic half of one session direction: encrypts and authenticates packets whose index the
 * session has already worked out. Header parsing, ROC guessing, replay lists and counters live in
 * {@link SrtpSession} and are the same for every suite, so a new suite family (AEAD_AES_128_GCM, RFC 7714)
 * is one more implementation of this interface plus a case in {@link #forKey}; no caller changes.
 *
 * <p>Layouts (RFC 3711 figures 1 and 2):
 * <pre>
 *  SRTP:  | header (hdrLen) | payload (encrypted) | auth tag |
 *  SRTCP: | first 8 bytes of RTCP | rest (encrypted) | E(1) SRTCP index(31) | auth tag |
 * </pre>
 * Implementations verify the tag in constant time before decrypting anything, and allocate nothing per call.
 */
interface PacketTransform {

    static PacketTransform forKey(MasterKey masterKey) {
        return switch (masterKey.suite()) {
            case AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, AES_256_CM_HMAC_SHA1_80,
                    AES_256_CM_HMAC_SHA1_32 -> new AesCmHmacSha1Transform(masterKey);
        };
    }

    /** Bytes an SRTP packet grows by when protected. */
    int rtpOverhead();

    /** Bytes an SRTCP packet grows by when protected (index word + tag). */
    int rtcpOverhead();

    /** Encrypts {@code [off+hdrLen, off+len)} and appends the tag; returns the new length. */
    int protectRtp(byte[] b, int off, int len, int hdrLen, int ssrc, long index);

    /** Verifies the tag of the {@code len}-byte SRTP packet, then decrypts; returns the RTP length or -1 if forged. */
    int unprotectRtp(byte[] b, int off, int len, int hdrLen, int ssrc, long index);

    /** Encrypts the RTCP packet after its first 8 bytes, appends E||index and the tag; returns the new length. */
    int protectRtcp(byte[] b, int off, int len, int ssrc, int srtcpIndex);

    /** The E||SRTCP-index word of a {@code len}-byte SRTCP packet ({@code len >= 8 + rtcpOverhead()}). */
    int rtcpIndexWord(byte[] b, int off, int len);

    /** Verifies the tag, then decrypts if {@code encrypted}; returns the RTCP length or -1 if forged. */
    int unprotectRtcp(byte[] b, int off, int len, int ssrc, int srtcpIndex, boolean encrypted);
}
