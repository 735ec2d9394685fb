package com.securetrunk.gateway.srtp;

/**
 * AES Counter Mode with HMAC-SHA1 authentication: RFC 3711 (AES-128) and RFC 6188 (AES-256), with a
 * 80- or 32-bit SRTP tag and always an 80-bit SRTCP tag (RFC 4568 section 6.2.2).
 *
 * <p>IV (RFC 3711 section 4.1.1), as two 64-bit halves:
 * <pre>
 *   IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
 *   bytes 0..13: session salt k_s;  bytes 4..7 ^= SSRC;  bytes 8..13 ^= i (48-bit index, or SRTCP index)
 * </pre>
 * The SRTP authenticated portion is header || encrypted payload || ROC (section 4.2); the SRTCP one is
 * the whole packet including E||index (section 3.4).
 */
final class AesCmHmacSha1Transform implements PacketTransform {
    private static final int RTCP_HEADER = 8;
    private static final int E_FLAG = 0x80000000;

    private final AesCounterMode rtpCipher;
    private final HmacSha1 rtpMac;
    private final long rtpSaltHigh;
    private final long rtpSaltLow;
    private final int rtpTagLength;

    private final AesCounterMode rtcpCipher;
    private final HmacSha1 rtcpMac;
    private final long rtcpSaltHigh;
    private final long rtcpSaltLow;
    private final int rtcpTagLength;

    private final byte[] computedTag = new byte[HmacSha1.LENGTH];

    AesCmHmacSha1Transform(MasterKey masterKey) {
        SessionKeys rtp = SessionKeys.forRtp(masterKey);
        SessionKeys rtcp = SessionKeys.forRtcp(masterKey);
        rtpCipher = new AesCounterMode(rtp.encryptionKey());
        rtpMac = new HmacSha1(rtp.authKey());
        byte[] salt = java.util.Arrays.copyOf(rtp.salt(), 16);
        rtpSaltHigh = Bytes.int64(salt, 0);
        rtpSaltLow = Bytes.int64(salt, 8);
        rtpTagLength = masterKey.suite().srtpTagLength();

        rtcpCipher = new AesCounterMode(rtcp.encryptionKey());
        rtcpMac = new HmacSha1(rtcp.authKey());
        salt = java.util.Arrays.copyOf(rtcp.salt(), 16);
        rtcpSaltHigh = Bytes.int64(salt, 0);
        rtcpSaltLow = Bytes.int64(salt, 8);
        rtcpTagLength = masterKey.suite().srtcpTagLength();
    }

    @Override
    public int rtpOverhead() {
        return rtpTagLength;
    }

    @Override
    public int rtcpOverhead() {
        return 4 + rtcpTagLength;
    }

    @Override
    public int protectRtp(byte[] b, int off, int len, int hdrLen, int ssrc, long index) {
        rtpCipher.apply(rtpSaltHigh ^ (ssrc & 0xffffffffL), rtpSaltLow ^ (index << 16), b, off + hdrLen, len - hdrLen);
        // the ROC goes where the tag will be (the caller checked the room), so one update covers packet || ROC
        Bytes.putInt32(b, off + len, (int) (index >>> 16));
        rtpMac.mac(b, off, len + 4, false, 0, computedTag, 0);
        System.arraycopy(computedTag, 0, b, off + len, rtpTagLength);
        return len + rtpTagLength;
    }

    @Override
    public int unprotectRtp(byte[] b, int off, int len, int hdrLen, int ssrc, long index) {
        int authLen = len - rtpTagLength;
        rtpMac.mac(b, off, authLen, true, (int) (index >>> 16), computedTag, 0);
        if (!Bytes.constantTimeEquals(computedTag, 0, b, off + authLen, rtpTagLength)) {
            return -1;
        }
        rtpCipher.apply(rtpSaltHigh ^ (ssrc & 0xffffffffL), rtpSaltLow ^ (index << 16), b, off + hdrLen,
                authLen - hdrLen);
        return authLen;
    }

    @Override
    public int protectRtcp(byte[] b, int off, int len, int ssrc, int srtcpIndex) {
        rtcpCipher.apply(rtcpSaltHigh ^ (ssrc & 0xffffffffL), rtcpSaltLow ^ ((long) srtcpIndex << 16), b,
                off + RTCP_HEADER, len - RTCP_HEADER);
        Bytes.putInt32(b, off + len, E_FLAG | srtcpIndex);
        rtcpMac.mac(b, off, len + 4, false, 0, computedTag, 0);
        System.arraycopy(computedTag, 0, b, off + len + 4, rtcpTagLength);
        return len + 4 + rtcpTagLength;
    }

    @Override
    public int rtcpIndexWord(byte[] b, int off, int len) {
        return Bytes.int32(b, off + len - rtcpTagLength - 4);
    }

    @Override
    public int unprotectRtcp(byte[] b, int off, int len, int ssrc, int srtcpIndex, boolean encrypted) {
        int authLen = len - rtcpTagLength;
        rtcpMac.mac(b, off, authLen, false, 0, computedTag, 0);
        if (!Bytes.constantTimeEquals(computedTag, 0, b, off + authLen, rtcpTagLength)) {
            return -1;
        }
        int rtcpLen = authLen - 4;
        if (encrypted) {
            rtcpCipher.apply(rtcpSaltHigh ^ (ssrc & 0xffffffffL), rtcpSaltLow ^ ((long) srtcpIndex << 16), b,
                    off + RTCP_HEADER, rtcpLen - RTCP_HEADER);
        }
        return rtcpLen;
    }
}
