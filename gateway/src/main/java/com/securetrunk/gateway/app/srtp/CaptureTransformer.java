package com.securetrunk.gateway.app.srtp;

import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.PacketBuffer;
import com.securetrunk.gateway.srtp.SrtpSession;
import com.securetrunk.gateway.srtp.SrtpStatus;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns an SRTP capture into plain RTP (or the reverse): every UDP/IPv4 packet that looks like RTP or RTCP
 * (version 2) and passes the filters goes through one {@link SrtpSession}; everything else is copied
 * unchanged. Packets the session refuses (authentication, replay...) are counted and dropped, or copied
 * unchanged with {@code keepFailed}.
 */
final class CaptureTransformer {
    enum Direction { DECRYPT, ENCRYPT }

    /** Filters: null means "any". */
    record Filter(Long ssrc, Integer port) {
        boolean matches(UdpFrame udp, long packetSsrc) {
            return (port == null || udp.sourcePort() == port || udp.destinationPort() == port)
                    && (ssrc == null || ssrc == packetSsrc);
        }
    }

    /** What happened to the capture's records. */
    static final class Report {
        long records;
        long transformedRtp;
        long transformedRtcp;
        long failed;
        long passedThrough;
        long truncated;
        SrtpSession session;

        long authFailures() {
            return session.counters().rtp(SrtpStatus.AUTH_FAIL) + session.counters().rtcp(SrtpStatus.AUTH_FAIL);
        }

        String summary(Direction direction) {
            String verb = direction == Direction.DECRYPT ? "decrypted" : "encrypted";
            StringBuilder sb = new StringBuilder();
            sb.append(records).append(" records: ").append(transformedRtp).append(" RTP and ").append(transformedRtcp)
                    .append(" RTCP packets ").append(verb).append(", ").append(failed).append(" refused");
            if (failed > 0) {
                sb.append(" (");
                String sep = "";
                for (SrtpStatus s : SrtpStatus.values()) {
                    long n = session.counters().rtp(s) + session.counters().rtcp(s);
                    if (s != SrtpStatus.OK && n > 0) {
                        sb.append(sep).append(s).append(' ').append(n);
                        sep = ", ";
                    }
                }
                sb.append(')');
            }
            sb.append(", ").append(passedThrough).append(" other records copied unchanged");
            if (truncated > 0) {
                sb.append(", ").append(truncated).append(" cut short by the capture's snap length copied unchanged");
            }
            return sb.toString();
        }
    }

    private CaptureTransformer() {
    }

    static Report run(Path in, Path out, MasterKey key, Direction direction, Filter filter, boolean keepFailed)
            throws IOException, PcapFormatException {
        Report report = new Report();
        SrtpSession session = direction == Direction.DECRYPT ? SrtpSession.receiver(key) : SrtpSession.sender(key);
        report.session = session;
        PacketBuffer packet = new PacketBuffer(PcapReader.MAX_RECORD + 64);
        try (PcapReader reader = PcapReader.open(in)) {
            int linkType = reader.linkType();
            if (linkType != UdpFrame.LINKTYPE_ETHERNET && linkType != UdpFrame.LINKTYPE_LINUX_SLL) {
                throw new PcapFormatException(in + ": link type " + linkType
                        + " is not supported (expected: 1 Ethernet or 113 Linux cooked capture)");
            }
            try (PcapWriter writer = new PcapWriter(out, linkType, reader.nanosecondTimestamps(), reader.snapLength())) {
                PcapRecord r;
                while ((r = reader.next()) != null) {
                    report.records++;
                    PcapRecord result = transform(r, linkType, session, direction, filter, keepFailed, packet, report);
                    if (result != null) {
                        writer.write(result);
                    }
                }
            }
        }
        return report;
    }

    private static PcapRecord transform(PcapRecord r, int linkType, SrtpSession session, Direction direction,
            Filter filter, boolean keepFailed, PacketBuffer packet, Report report) {
        UdpFrame udp = UdpFrame.parse(linkType, r.data());
        if (udp == null || udp.payloadLength() < 8 || (r.data()[udp.payloadOffset()] & 0xc0) != 0x80) {
            report.passedThrough++;
            return r;
        }
        if (r.truncated()) {
            report.truncated++;
            return r;
        }
        byte[] frame = r.data();
        int pt = frame[udp.payloadOffset() + 1] & 0xff;
        boolean rtcp = pt >= 192 && pt <= 223; // RFC 5761 section 4: RTCP packet types in a shared port
        if (!rtcp && udp.payloadLength() < 12) {
            report.passedThrough++;
            return r;
        }
        long ssrc = readU32(frame, udp.payloadOffset() + (rtcp ? 4 : 8));
        if (!filter.matches(udp, ssrc)) {
            report.passedThrough++;
            return r;
        }
        System.arraycopy(frame, udp.payloadOffset(), packet.buffer(), 0, udp.payloadLength());
        packet.set(packet.buffer(), 0, udp.payloadLength());
        SrtpStatus status;
        if (direction == Direction.DECRYPT) {
            status = rtcp ? session.unprotectRtcp(packet) : session.unprotectRtp(packet);
        } else {
            status = rtcp ? session.protectRtcp(packet) : session.protectRtp(packet);
        }
        if (status != SrtpStatus.OK) {
            report.failed++;
            return keepFailed ? r : null;
        }
        if (rtcp) {
            report.transformedRtcp++;
        } else {
            report.transformedRtp++;
        }
        return r.withData(udp.withPayload(frame, packet.buffer(), packet.length()));
    }

    private static long readU32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
