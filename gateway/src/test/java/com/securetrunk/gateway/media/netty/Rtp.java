package com.securetrunk.gateway.media.netty;

import java.nio.ByteBuffer;

/** Builds test RTP/RTCP packets byte by byte (RFC 3550 sections 5.1 and 6.4.1). */
public final class Rtp {
    private Rtp() {
    }

    public static byte[] packet(int pt, boolean marker, int seq, long ts, int ssrc, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq).putInt((int) ts).putInt(ssrc);
        b.put(payload);
        return b.array();
    }

    /** G.711 payload whose bytes depend on seq, so a wrong or reordered packet shows. */
    public static byte[] pcmu(int seq) {
        byte[] p = new byte[160];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7 + seq * 13);
        }
        return p;
    }

    public static byte[] pcmuPacket(int seq, int ssrc) {
        return packet(0, seq == 0, seq, 160L * seq, ssrc, pcmu(seq));
    }

    /** An RFC 4733 telephone-event (digit 5, end bit, duration 800) on dynamic payload type 101. */
    public static byte[] dtmf(int seq, int ssrc) {
        return packet(101, true, seq, 160L * seq, ssrc, new byte[] {5, (byte) 0x8a, 0x03, 0x20});
    }

    /** An RTCP sender report (PT 200) with no report blocks: 28 bytes. */
    public static byte[] senderReport(int ssrc, int packets) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(ssrc);
        b.putLong(0x0123456789abcdefL).putInt(160 * packets).putInt(packets).putInt(160 * packets);
        return b.array();
    }

    public static int seq(byte[] p) {
        return ((p[2] & 0xff) << 8) | (p[3] & 0xff);
    }

    public static int ssrc(byte[] p) {
        return ByteBuffer.wrap(p, 8, 4).getInt();
    }
}
