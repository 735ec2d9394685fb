package com.securetrunk.gateway.media;

/**
 * What a peer said it will do on a stream (RFC 3264 section 5.1 / RFC 4566 section 6 {@code a=sendrecv},
 * {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive}), seen from that peer.
 *
 * <p>The relay forwards towards a leg only when its peer {@link #receives() receives}: a peer that put the
 * call on hold with {@code sendonly} gets no media from us until it resumes, while its ports, latched
 * address and SRTP contexts stay as they are, so resume needs no new state.
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }
}
