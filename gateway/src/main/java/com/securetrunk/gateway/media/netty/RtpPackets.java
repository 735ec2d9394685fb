package com.securetrunk.gateway.media.netty;

import com.securetrunk.gateway.srtp.SrtpStatus;

/**
 * Header reads and checks for RTP (RFC 3550 section 5.1) and RTCP (section 6.4), and the RFC 5761
 * section 4 demultiplexing rule for rtcp-mux.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |   RTP
 * |                           timestamp                           |
 * |                             SSRC                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=200..204 |             length            |   RTCP
 * |                         SSRC of sender                        |
 * </pre>
 */
final class RtpPackets {
    static final int RTP_HEADER = 12;
    static final int RTCP_HEADER = 8;

    private RtpPackets() {
    }

    static int version(byte[] b, int off) {
        return (b[off] & 0xff) >>> 6;
    }

    static int seq(byte[] b, int off) {
        return ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static int timestamp(byte[] b, int off) {
        return readInt(b, off + 4);
    }

    static int ssrc(byte[] b, int off) {
        return readInt(b, off + 8);
    }

    static int rtcpSenderSsrc(byte[] b, int off) {
        return readInt(b, off + 4);
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /**
     * RFC 5761 section 4: on a multiplexed port, the second byte 192..223 (RTCP packet types 192-223, i.e.
     * RTP payload types 64-95 with the marker bit) is RTCP.
     */
    static boolean looksLikeRtcp(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int pt = b[off + 1] & 0xff;
        return pt >= 192 && pt <= 223;
    }

    /** Plain RTP sanity: long enough for the fixed header and its CSRCs, version 2. */
    static SrtpStatus checkRtp(byte[] b, int off, int len) {
        if (len < RTP_HEADER) {
            return SrtpStatus.TOO_SHORT;
        }
        if (version(b, off) != 2) {
            return SrtpStatus.BAD_VERSION;
        }
        if (len < RTP_HEADER + 4 * (b[off] & 0x0f)) {
            return SrtpStatus.TOO_SHORT;
        }
        return SrtpStatus.OK;
    }

    /** Plain RTCP sanity: a full common header, version 2, a packet type of the RTCP range (RFC 3550 section 12.1 / 5761). */
    static SrtpStatus checkRtcp(byte[] b, int off, int len) {
        if (len < RTCP_HEADER) {
            return SrtpStatus.TOO_SHORT;
        }
        if (version(b, off) != 2) {
            return SrtpStatus.BAD_VERSION;
        }
        int pt = b[off + 1] & 0xff;
        if (pt < 192 || pt > 223) {
            return SrtpStatus.BAD_PACKET;
        }
        return SrtpStatus.OK;
    }
}
