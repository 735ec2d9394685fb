package com.securetrunk.gateway.media;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What signalling negotiated for one side of a stream: where the peer said it receives, how media is
 * protected, and whether to follow the address media really comes from.
 *
 * @param remoteRtp  the peer's RTP address from SDP ({@code c=} + {@code m=} port); null while unknown
 *                   (offer sent, answer pending): the leg then sends nothing until latched or updated
 * @param remoteRtcp the peer's RTCP address ({@code a=rtcp:}, RFC 3605; else RTP port + 1); ignored with rtcp-mux
 * @param rtcpMux    RTP and RTCP share the RTP port (RFC 5761)
 * @param latching   symmetric RTP (RFC 4961): send to the source of the peer's valid packets
 * @param srtp       SDES keys when the leg is RTP/SAVP; null for plain RTP/AVP
 * @param direction  the peer's declared direction (hold = sendonly/inactive)
 */
public record LegSpec(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, boolean rtcpMux,
                      boolean latching, SrtpKeys srtp, Direction direction) {
    public LegSpec {
        Objects.requireNonNull(direction, "direction");
    }

    /** A plain RTP/AVP leg, RTCP on the next port, latching, sendrecv. */
    public static LegSpec plain(InetSocketAddress remoteRtp) {
        return new LegSpec(remoteRtp, nextPort(remoteRtp), false, true, null, Direction.SENDRECV);
    }

    /** An SDES-SRTP leg, RTCP on the next port, latching, sendrecv. */
    public static LegSpec srtp(InetSocketAddress remoteRtp, SrtpKeys keys) {
        return new LegSpec(remoteRtp, nextPort(remoteRtp), false, true, Objects.requireNonNull(keys, "keys"),
                Direction.SENDRECV);
    }

    public boolean secure() {
        return srtp != null;
    }

    public LegSpec withDirection(Direction d) {
        return new LegSpec(remoteRtp, remoteRtcp, rtcpMux, latching, srtp, d);
    }

    public LegSpec withSrtp(SrtpKeys keys) {
        return new LegSpec(remoteRtp, remoteRtcp, rtcpMux, latching, keys, direction);
    }

    public LegSpec withRemote(InetSocketAddress rtp, InetSocketAddress rtcp) {
        return new LegSpec(rtp, rtcp, rtcpMux, latching, srtp, direction);
    }

    public LegSpec withRtcpMux(boolean mux) {
        return new LegSpec(remoteRtp, remoteRtcp, mux, latching, srtp, direction);
    }

    public LegSpec withLatching(boolean latch) {
        return new LegSpec(remoteRtp, remoteRtcp, rtcpMux, latch, srtp, direction);
    }

    static InetSocketAddress nextPort(InetSocketAddress a) {
        return a == null ? null : new InetSocketAddress(a.getAddress(), a.getPort() + 1);
    }
}
