package com.securetrunk.gateway.srtp;

/**
 * Outcome of one protect/unprotect call. The packet path returns these instead of throwing, and the
 * relay counts each one per stream (libsrtp's {@code srtp_err_status_t}, jitsi's {@code SrtpErrorStatus}).
 */
public enum SrtpStatus {
    /** Transformed in place; the packet's new length is in the {@link PacketBuffer}. */
    OK,
    /** The authentication tag did not verify: the packet is forged or corrupted, or the key is wrong. */
    AUTH_FAIL,
    /** The index is older than the replay window. */
    REPLAY_OLD,
    /** The index was already received inside the replay window. */
    REPLAY_DUP,
    /** Shorter than a header plus tag (or than its own CSRC list / extension). */
    TOO_SHORT,
    /** RTP/RTCP version field is not 2. */
    BAD_VERSION,
    /** The buffer has no room behind the packet for the authentication tag / SRTCP index. */
    NO_ROOM,
    /** Not a packet this context can handle (e.g. an RTCP packet given to the RTP path). */
    BAD_PACKET
}
