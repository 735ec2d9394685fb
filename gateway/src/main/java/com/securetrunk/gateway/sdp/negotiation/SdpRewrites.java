package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Attribute;
import com.securetrunk.gateway.sdp.Connection;
import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.MediaLine;
import com.securetrunk.gateway.sdp.Origin;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small line-level rewrites every negotiation step shares. Each returns a new value; lines not named here
 * pass through unchanged, byte for byte.
 */
final class SdpRewrites {

    /**
     * Attributes that describe the far transport, which the relay replaces: ICE (RFC 8839), DTLS (RFC 8842),
     * RTCP address and muxing (RFC 3605, RFC 5761; the relay uses separate RTCP ports), and the SDES keys
     * (RFC 4568), which are per leg.
     */
    static final Set<String> TRANSPORT_ATTRIBUTES = Set.of("candidate", "remote-candidates", "end-of-candidates",
            "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch", "fingerprint", "setup", "connection",
            "rtcp", "rtcp-mux", CryptoAttribute.NAME);

    private SdpRewrites() {
    }

    static boolean isNamedAttribute(SdpLine l, Set<String> names) {
        return l.isAttribute() && !names.isEmpty() && names.contains(l.attributeName());
    }

    static boolean isDirection(SdpLine l) {
        return l.isAttribute() && Direction.fromAttributeName(l.value().strip()).isPresent();
    }

    /** Session level: o= and c= point at the relay; transport attributes and {@code strip} removed. */
    static SessionDescription sessionToward(SessionDescription sdp, String relayAddress, Set<String> strip) {
        List<SdpLine> out = new ArrayList<>();
        for (SdpLine l : sdp.sessionLines()) {
            if (l.type() == 'o') {
                out.add(sdp.origin().map(o -> o.withAddress(relayAddress)).map(Origin::toLine).orElse(l));
            } else if (l.type() == 'c') {
                out.add(Connection.of(relayAddress).toLine());
            } else if (isNamedAttribute(l, TRANSPORT_ATTRIBUTES) || isNamedAttribute(l, strip)) {
                continue;
            } else {
                out.add(l);
            }
        }
        return sdp.withSessionLines(out);
    }

    /**
     * Media level: transport attributes and {@code strip} removed, c= pointed at the relay, {@code a=rtcp} re-added
     * with the relay's RTCP port when the input had one, and the m= line given {@code port} and {@code proto}.
     */
    static MediaDescription mediaToward(MediaDescription md, String relayAddress, int port, int rtcpPort, String proto,
                                        Set<String> strip, boolean dropDirection) {
        boolean hadRtcp = !md.attributes("rtcp").isEmpty();
        List<SdpLine> out = new ArrayList<>();
        out.add(md.mediaLine().withPort(port).withProto(proto).toLine());
        for (SdpLine l : md.body()) {
            if (l.type() == 'c') {
                out.add(Connection.of(relayAddress).toLine());
            } else if (l.isAttribute() && dropped(l.attributeName(), strip, dropDirection)) {
                continue;
            } else {
                out.add(l);
            }
        }
        if (hadRtcp) {
            Connection c = Connection.of(relayAddress);
            out.add(new Attribute("rtcp", rtcpPort + " " + c.netType() + " " + c.addrType() + " " + relayAddress).toLine());
        }
        return new MediaDescription(out);
    }

    private static boolean dropped(String name, Set<String> strip, boolean dropDirection) {
        return TRANSPORT_ATTRIBUTES.contains(name) || strip.contains(name)
                || dropDirection && Direction.fromAttributeName(name).isPresent();
    }

    /** A rejected stream (RFC 3264 section 6): port 0, the offered formats, no other lines. */
    static MediaDescription rejected(MediaDescription md) {
        MediaLine m = md.mediaLine();
        List<String> formats = m.formats().isEmpty() ? List.of("0") : m.formats();
        return MediaDescription.of(m.withPort(0).withFormats(formats).toLine());
    }

    /** The payload type of {@code a=rtpmap:<pt> telephone-event/8000} (RFC 4733 section 7), or -1. */
    static int telephoneEventPt(MediaDescription md) {
        for (SdpLine l : md.attributes("rtpmap")) {
            String raw = l.asAttribute().value();
            if (raw == null) {
                continue; // a bare a=rtpmap names nothing
            }
            String v = raw.strip();
            int sp = v.indexOf(' ');
            if (sp > 0 && v.substring(sp + 1).strip().equalsIgnoreCase("telephone-event/8000")) {
                try {
                    return Integer.parseInt(v.substring(0, sp));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Renumbers payload type {@code from} to {@code to} in the m= line, {@code a=rtpmap} and {@code a=fmtp}; a no-op
     * when either is -1, they are equal, or {@code to} is already in use in this stream.
     */
    static MediaDescription renumber(MediaDescription md, int from, int to) {
        if (from < 0 || to < 0 || from == to) {
            return md;
        }
        MediaLine m = md.mediaLine();
        String f = Integer.toString(from);
        String t = Integer.toString(to);
        if (m.formats().contains(t) || !m.formats().contains(f)) {
            return md;
        }
        List<String> formats = m.formats().stream().map(x -> x.equals(f) ? t : x).toList();
        List<SdpLine> out = new ArrayList<>();
        out.add(m.withFormats(formats).toLine());
        for (SdpLine l : md.body()) {
            if (l.isAttribute("rtpmap") || l.isAttribute("fmtp")) {
                Attribute a = l.asAttribute();
                String v = a.value();
                if (v != null && (v.startsWith(f + " ") || v.equals(f))) {
                    out.add(new Attribute(a.name(), t + v.substring(f.length())).toLine());
                    continue;
                }
            }
            out.add(l);
        }
        return new MediaDescription(out);
    }

    /** Proto for the far side: SRTP or not, keeping the feedback ("F") variant of the input. */
    static String proto(boolean secure, String inputProto) {
        String base = secure ? "RTP/SAVP" : "RTP/AVP";
        return inputProto.endsWith("F") ? base + "F" : base;
    }
}
