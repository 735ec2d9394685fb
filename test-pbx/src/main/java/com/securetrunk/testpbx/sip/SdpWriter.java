package com.securetrunk.testpbx.sip;

import java.util.List;

/** Writes offers and answers in one of the {@link SdpStyle}s. Pure. */
public final class SdpWriter {
    private SdpWriter() {
    }

    /**
     * Everything that varies between the SDPs of one call.
     *
     * @param sessionName  s= value for styles that carry a product name (chan_sip: "Asterisk PBX 13.8-cert2")
     * @param sessionId    o= session id
     * @param version      o= version
     * @param address      IP address for o= and c=
     * @param port         RTP port
     * @param secure       RTP/SAVP instead of RTP/AVP
     * @param audioPts     G.711 payload types (0, 8) in preference order
     * @param dtmfPt       telephone-event payload type, -1 for none
     * @param cryptoLines  a=crypto values, in order
     * @param fullOffer    for PJSIP_2_5: list every codec pjsua 2.5 offers (true for offers, false for answers)
     */
    public record Params(String sessionName, long sessionId, long version, String address, int port, boolean secure,
                         List<Integer> audioPts, int dtmfPt, List<String> cryptoLines, boolean fullOffer) {
    }

    public static String write(SdpStyle style, Params p) {
        return switch (style) {
            case CHAN_SIP -> chanSip(p);
            case PJSIP_2_5 -> pjsip25(p);
            case SECURE_DOMAIN -> secureDomain(p);
        };
    }

    private static String ipVersion(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static String proto(Params p) {
        return p.secure() ? "RTP/SAVP" : "RTP/AVP";
    }

    private static String chanSip(Params p) {
        StringBuilder sb = new StringBuilder();
        String ip = ipVersion(p.address());
        sb.append("v=0\r\n");
        sb.append("o=root ").append(p.sessionId()).append(' ').append(p.version()).append(" IN ").append(ip).append(' ')
                .append(p.address()).append("\r\n");
        sb.append("s=").append(p.sessionName()).append("\r\n");
        sb.append("c=IN ").append(ip).append(' ').append(p.address()).append("\r\n");
        sb.append("t=0 0\r\n");
        sb.append("m=audio ").append(p.port()).append(' ').append(proto(p));
        appendFormats(sb, p.audioPts(), p.dtmfPt());
        for (String c : p.cryptoLines()) {
            sb.append("a=crypto:").append(c).append("\r\n");
        }
        appendRtpmaps(sb, p.audioPts(), p.dtmfPt());
        sb.append("a=ptime:20\r\n");
        sb.append("a=maxptime:150\r\n");
        sb.append("a=sendrecv\r\n");
        return sb.toString();
    }

    private static String pjsip25(Params p) {
        StringBuilder sb = new StringBuilder();
        String ip = ipVersion(p.address());
        sb.append("v=0\r\n");
        sb.append("o=- ").append(p.sessionId()).append(' ').append(p.version()).append(" IN ").append(ip).append(' ')
                .append(p.address()).append("\r\n");
        sb.append("s=pjmedia\r\n");
        sb.append("b=AS:84\r\n");
        sb.append("t=0 0\r\n");
        sb.append("a=X-nat:0\r\n");
        sb.append("m=audio ").append(p.port()).append(' ').append(proto(p));
        if (p.fullOffer()) {
            sb.append(" 98 97 99 104 3 0 8 9 96\r\n");
        } else {
            appendFormats(sb, p.audioPts(), p.dtmfPt());
        }
        sb.append("c=IN ").append(ip).append(' ').append(p.address()).append("\r\n");
        sb.append("b=TIAS:64000\r\n");
        sb.append("a=rtcp:").append(p.port() + 1).append(" IN ").append(ip).append(' ').append(p.address())
                .append("\r\n");
        sb.append("a=sendrecv\r\n");
        if (p.fullOffer()) {
            sb.append("a=rtpmap:98 speex/16000\r\n");
            sb.append("a=rtpmap:97 speex/8000\r\n");
            sb.append("a=rtpmap:99 speex/32000\r\n");
            sb.append("a=rtpmap:104 iLBC/8000\r\n");
            sb.append("a=fmtp:104 mode=30\r\n");
            sb.append("a=rtpmap:3 GSM/8000\r\n");
            sb.append("a=rtpmap:0 PCMU/8000\r\n");
            sb.append("a=rtpmap:8 PCMA/8000\r\n");
            sb.append("a=rtpmap:9 G722/8000\r\n");
            sb.append("a=rtpmap:96 telephone-event/8000\r\n");
            sb.append("a=fmtp:96 0-16\r\n");
        } else {
            appendRtpmaps(sb, p.audioPts(), p.dtmfPt());
        }
        for (String c : p.cryptoLines()) {
            sb.append("a=crypto:").append(c).append("\r\n");
        }
        return sb.toString();
    }

    private static String secureDomain(Params p) {
        StringBuilder sb = new StringBuilder();
        String ip = ipVersion(p.address());
        sb.append("v=0\r\n");
        sb.append("o=SecureDomain ").append(p.sessionId()).append(' ').append(p.version()).append(" IN ").append(ip)
                .append(' ').append(p.address()).append("\r\n");
        sb.append("s=").append(p.sessionName()).append("\r\n");
        sb.append("c=IN ").append(ip).append(' ').append(p.address()).append("\r\n");
        sb.append("t=0 0\r\n");
        sb.append("m=audio ").append(p.port()).append(' ').append(proto(p));
        appendFormats(sb, p.audioPts(), p.dtmfPt());
        appendRtpmaps(sb, p.audioPts(), p.dtmfPt());
        for (String c : p.cryptoLines()) {
            sb.append("a=crypto:").append(c).append("\r\n");
        }
        sb.append("a=ptime:20\r\n");
        sb.append("a=sendrecv\r\n");
        return sb.toString();
    }

    private static void appendFormats(StringBuilder sb, List<Integer> audio, int dtmf) {
        for (int pt : audio) {
            sb.append(' ').append(pt);
        }
        if (dtmf >= 0) {
            sb.append(' ').append(dtmf);
        }
        sb.append("\r\n");
    }

    private static void appendRtpmaps(StringBuilder sb, List<Integer> audio, int dtmf) {
        for (int pt : audio) {
            sb.append("a=rtpmap:").append(pt).append(pt == 0 ? " PCMU/8000" : " PCMA/8000").append("\r\n");
        }
        if (dtmf >= 0) {
            sb.append("a=rtpmap:").append(dtmf).append(" telephone-event/8000\r\n");
            sb.append("a=fmtp:").append(dtmf).append(" 0-16\r\n");
        }
    }
}
