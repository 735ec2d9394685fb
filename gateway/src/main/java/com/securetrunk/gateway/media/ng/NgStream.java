package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.media.Direction;
import com.securetrunk.gateway.sdp.Connection;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.MediaLine;
import com.securetrunk.gateway.sdp.RtcpAttribute;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SessionDescription;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the relay needs from one m= section of a peer's SDP: its m= line, where the peer receives RTP and RTCP, and
 * the direction it declared. Read for every section as soon as an SDP arrives, so a bad address refuses the
 * command before any call state changes.
 *
 * @param rtp       {@code c=} (media level, else session level, RFC 8866 section 5.7) and the m= port; null when
 *                  the port is 0 or the address is the hold address {@code 0.0.0.0}/{@code ::} (RFC 3264 section 8.4)
 * @param rtcp      {@code a=rtcp} (RFC 3605: its port, and its address when it names one), else RTP port + 1 (also
 *                  for a meaningless {@code a=rtcp:0}); null when {@code rtp} is
 * @param direction the section's direction attribute, else the session's, else sendrecv; inactive when the port is 0
 */
record NgStream(MediaLine line, InetSocketAddress rtp, InetSocketAddress rtcp, Direction direction) {

    static List<NgStream> read(SessionDescription sdp) {
        List<NgStream> out = new ArrayList<>(sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            try {
                out.add(read(sdp, i));
            } catch (SdpParseException e) {
                throw new IllegalArgumentException("m= line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static NgStream read(SessionDescription sdp, int i) throws SdpParseException {
        MediaDescription md = sdp.media().get(i);
        MediaLine line = md.mediaLine();
        Optional<Connection> c = sdp.connectionFor(i);
        InetAddress address = c.isPresent() ? c.get().inetAddress() : null; // checked even when unused
        Optional<RtcpAttribute> rtcpAttribute = rtcp(md);
        InetSocketAddress rtp = null;
        InetSocketAddress rtcp = null;
        if (address != null && line.port() != 0 && !c.get().isHoldAddress()) {
            rtp = new InetSocketAddress(address, line.port());
            InetAddress rtcpAddress = address;
            int rtcpPort = line.port() + 1;
            if (rtcpAttribute.isPresent() && rtcpAttribute.get().port() != 0) {
                rtcpPort = rtcpAttribute.get().port();
                if (rtcpAttribute.get().connection().isPresent()) {
                    rtcpAddress = rtcpAttribute.get().connection().get().inetAddress();
                }
            }
            rtcp = new InetSocketAddress(rtcpAddress, rtcpPort);
        }
        Direction d = line.port() == 0 ? Direction.INACTIVE
                : Direction.valueOf(md.direction().or(sdp::sessionDirection)
                        .orElse(com.securetrunk.gateway.sdp.Direction.SENDRECV).name());
        return new NgStream(line, rtp, rtcp, d);
    }

    /** The first {@code a=rtcp}; a malformed one is an error even when another follows. */
    private static Optional<RtcpAttribute> rtcp(MediaDescription md) throws SdpParseException {
        RtcpAttribute first = null;
        for (SdpLine l : md.attributes(RtcpAttribute.NAME)) {
            RtcpAttribute a = RtcpAttribute.parse(l.asAttribute().value(), 0);
            first = first == null ? a : first;
        }
        return Optional.ofNullable(first);
    }
}
