package com.securetrunk.testpbx.media;

/**
 * RTP fixed header accessors on raw bytes (RFC 3550 section 5.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public final class Rtp {
    public static final int HEADER = 12;

    private Rtp() {
    }

    public static void writeHeader(byte[] b, boolean marker, int pt, int seq, long ts, int ssrc) {
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | (pt & 0x7F));
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        b[8] = (byte) (ssrc >> 24);
        b[9] = (byte) (ssrc >> 16);
        b[10] = (byte) (ssrc >> 8);
        b[11] = (byte) ssrc;
    }

    public static int version(byte[] b, int off) {
        return (b[off] >> 6) & 0x03;
    }

    public static int payloadType(byte[] b, int off) {
        return b[off + 1] & 0x7F;
    }

    public static boolean marker(byte[] b, int off) {
        return (b[off + 1] & 0x80) != 0;
    }

    public static int sequence(byte[] b, int off) {
        return ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static long timestamp(byte[] b, int off) {
        return ((long) (b[off + 4] & 0xFF) << 24) | ((b[off + 5] & 0xFF) << 16) | ((b[off + 6] & 0xFF) << 8)
                | (b[off + 7] & 0xFF);
    }

    public static int ssrc(byte[] b, int off) {
        return ((b[off + 8] & 0xFF) << 24) | ((b[off + 9] & 0xFF) << 16) | ((b[off + 10] & 0xFF) << 8)
                | (b[off + 11] & 0xFF);
    }

    /** Offset of the payload from the packet start (CSRCs and header extension skipped), or -1. */
    public static int payloadOffset(byte[] b, int off, int len) {
        if (len < HEADER || version(b, off) != 2) {
            return -1;
        }
        int cc = b[off] & 0x0F;
        int p = HEADER + 4 * cc;
        if ((b[off] & 0x10) != 0) {
            if (len < p + 4) {
                return -1;
            }
            int extWords = ((b[off + p + 2] & 0xFF) << 8) | (b[off + p + 3] & 0xFF);
            p += 4 + 4 * extWords;
        }
        return p <= len ? p : -1;
    }

    /** Payload length after removing padding (RFC 3550 5.1, P bit), or -1. */
    public static int payloadLength(byte[] b, int off, int len, int payloadOffset) {
        int end = len;
        if ((b[off] & 0x20) != 0) {
            int pad = b[off + len - 1] & 0xFF;
            end -= pad;
        }
        return end >= payloadOffset ? end - payloadOffset : -1;
    }
}
