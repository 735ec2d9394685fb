package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.sdp.Connection;
import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.MediaLine;
import com.securetrunk.gateway.sdp.Origin;
import com.securetrunk.gateway.sdp.RtcpAttribute;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a peer's SDP for the other side the way rtpengine does: {@code c=} (and {@code o=} when asked) point at
 * the relay, each m= line carries our port and the other side's protocol, {@code a=rtcp} names our RTCP port (we
 * never mux, so {@code a=rtcp-mux} goes), the peer's {@code a=crypto} lines are replaced by ours, ICE and DTLS
 * attributes are dropped, and a stream without its own direction says the inherited one explicitly. Every other
 * line passes through unchanged, in order.
 *
 * @param address       the relay's address as written into {@code c=}/{@code o=}
 * @param replaceOrigin ng {@code replace: origin}
 * @param removeIce     drop ICE attributes (RFC 8839): candidates would let media bypass the relay
 * @param removeDtls    drop DTLS-SRTP attributes (RFC 8842): no DTLS here
 */
record NgRewrite(String address, boolean replaceOrigin, boolean removeIce, boolean removeDtls) {

    /** Per m= line: our port facing the recipient, its protocol, and the crypto attributes to offer/answer. */
    record Media(int port, String proto, List<CryptoAttribute> crypto) {
    }

    private static final Set<String> ICE = Set.of("candidate", "remote-candidates", "end-of-candidates");
    private static final Set<String> DTLS = Set.of("fingerprint", "setup", "tls-id");
    /** Replaced by what this class writes after the section's own lines. */
    private static final Set<String> OURS = Set.of(RtcpAttribute.NAME, "rtcp-mux", CryptoAttribute.NAME);

    String write(SessionDescription sdp, List<Media> media) {
        List<SdpLine> session = new ArrayList<>(sdp.sessionLines().size());
        for (SdpLine l : sdp.sessionLines()) {
            if (l.type() == 'o' && replaceOrigin) {
                session.add(sdp.origin().map(o -> o.withAddress(address)).map(Origin::toLine).orElse(l));
            } else if (l.type() == 'c') {
                session.add(Connection.of(address).toLine());
            } else if (!dropped(l)) {
                session.add(l);
            }
        }
        Direction inherited = sdp.sessionDirection().orElse(Direction.SENDRECV);
        List<MediaDescription> out = new ArrayList<>(sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            out.add(section(sdp.media().get(i), media.get(i), inherited));
        }
        return SdpWriter.write(new SessionDescription(session, out));
    }

    private MediaDescription section(MediaDescription md, Media mr, Direction inherited) {
        MediaLine m = md.mediaLine();
        boolean enabled = m.port() != 0;
        List<SdpLine> lines = new ArrayList<>(md.lines().size() + 2 + mr.crypto().size());
        // one port pair per stream, so no /<number of ports>
        lines.add(new MediaLine(m.media(), enabled ? mr.port() : 0, 0, mr.proto(), m.formats()).toLine());
        for (SdpLine l : md.body()) {
            if (l.type() == 'c') {
                lines.add(Connection.of(address).toLine());
            } else if (!(l.isAttribute() && OURS.contains(l.attributeName())) && !dropped(l)) {
                lines.add(l);
            }
        }
        if (enabled) {
            if (md.direction().isEmpty()) {
                // say it explicitly (RFC 3264 section 6.1 default), as rtpengine does
                lines.add(SdpLine.attribute(inherited.attributeName(), null));
            }
            lines.add(new RtcpAttribute(mr.port() + 1, Optional.empty()).toLine());
            for (CryptoAttribute c : mr.crypto()) {
                lines.add(c.toLine());
            }
        }
        return new MediaDescription(lines);
    }

    private boolean dropped(SdpLine l) {
        if (!l.isAttribute()) {
            return false;
        }
        String name = l.attributeName();
        return removeIce && (name.startsWith("ice-") || ICE.contains(name)) || removeDtls && DTLS.contains(name);
    }
}
