package com.securetrunk.gateway.srtp;

import java.util.List;
import java.util.Objects;

/**
 * One direction of SRTP/SRTCP for one master key: a sender ({@link #sender}) protects, a receiver
 * ({@link #receiver}) unprotects. Streams (SSRCs) get their own {@link SrtpStreamContext}, created on the
 * first packet of a new SSRC; a receiver creates it only after that packet authenticated, so a forged
 * packet with a new SSRC leaves nothing behind but a counter (libsrtp's provisional template stream).
 *
 * <p>Every call works in place on a {@link PacketBuffer} and returns an {@link SrtpStatus}; it never
 * throws for packet content, allocates nothing in steady state (only a new SSRC's context), and counts the
 * result per session ({@link #counters()}) and per stream.
 *
 * <p>Not thread-safe: owned by one event loop, like the relay stream that uses it (STYLE.md habit 8).
 *
 * <pre>
 *   RTP header (RFC 3550 section 5.1), read for seq, SSRC and the header length:
 *    0                   1                   2                   3
 *   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *   |                           timestamp                           |
 *   |                             SSRC                              |
 *   |            CSRC list (CC x 32 bits), extension (X: 4 + 4*len)  |
 *
 *   RTCP header (RFC 3550 section 6.4.1): |V=2|P|  RC  |   PT   |  length  |  SSRC of sender  |
 * </pre>
 */
public final class SrtpSession {
    /** Streams one session keeps at most; more SSRCs than this under one key is an attack or a bug. */
    public static final int DEFAULT_MAX_STREAMS = 64;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpSuite suite;
    private final boolean sender;
    private final PacketTransform transform;
    private final SsrcTable streams;
    private final int replayWindowSize;
    private final SrtpCounters counters = new SrtpCounters();

    private SrtpSession(MasterKey masterKey, boolean sender, int replayWindowSize, int maxStreams) {
        Objects.requireNonNull(masterKey, "masterKey");
        this.suite = masterKey.suite();
        this.sender = sender;
        this.transform = PacketTransform.forKey(masterKey);
        this.replayWindowSize = replayWindowSize;
        new ReplayWindow(replayWindowSize); // validates the size now rather than on the first packet
        this.streams = new SsrcTable(maxStreams);
    }

    /** A session that protects (RTP -> SRTP, RTCP -> SRTCP) with {@code masterKey}. */
    public static SrtpSession sender(MasterKey masterKey) {
        return new SrtpSession(masterKey, true, ReplayWindow.DEFAULT_SIZE, DEFAULT_MAX_STREAMS);
    }

    /** A session that unprotects (SRTP -> RTP, SRTCP -> RTCP) with {@code masterKey}. */
    public static SrtpSession receiver(MasterKey masterKey) {
        return new SrtpSession(masterKey, false, ReplayWindow.DEFAULT_SIZE, DEFAULT_MAX_STREAMS);
    }

    /**
     * A receiver with a larger replay window (a multiple of 64, at least 64; default 128) and stream limit.
     */
    public static SrtpSession receiver(MasterKey masterKey, int replayWindowSize, int maxStreams) {
        return new SrtpSession(masterKey, false, replayWindowSize, maxStreams);
    }

    public SrtpSuite suite() {
        return suite;
    }

    public boolean isSender() {
        return sender;
    }

    /** Counts of every status over all streams, including packets no stream was created for. */
    public SrtpCounters counters() {
        return counters;
    }

    /** The context of {@code ssrc}, or null if no packet of that SSRC was (successfully) handled yet. */
    public SrtpStreamContext stream(int ssrc) {
        return streams.get(ssrc);
    }

    /** A copy of the current stream list (allocates: for metrics, not for the packet path). */
    public List<SrtpStreamContext> streams() {
        return streams.snapshot();
    }

    /** Bytes {@link #protectRtp} appends: the room a buffer needs behind an RTP packet. */
    public int rtpOverhead() {
        return transform.rtpOverhead();
    }

    /** Bytes {@link #protectRtcp} appends (SRTCP index word and tag). */
    public int rtcpOverhead() {
        return transform.rtcpOverhead();
    }

    /** RTP -> SRTP in place; the packet grows by {@link #rtpOverhead()}. */
    public SrtpStatus protectRtp(PacketBuffer packet) {
        requireDirection(true);
        byte[] b = packet.buffer();
        int off = packet.offset();
        int len = packet.length();
        int hdrLen = rtpHeaderLength(b, off, len);
        if (hdrLen < 0) {
            return rtp(null, hdrLen == -1 ? SrtpStatus.TOO_SHORT : SrtpStatus.BAD_VERSION);
        }
        if (packet.tailRoom() < transform.rtpOverhead()) {
            return rtp(null, SrtpStatus.NO_ROOM);
        }
        int ssrc = Bytes.int32(b, off + 8);
        SrtpStreamContext ctx = streams.get(ssrc);
        if (ctx == null) {
            if (streams.isFull()) {
                return rtp(null, SrtpStatus.BAD_PACKET);
            }
            ctx = new SrtpStreamContext(ssrc, replayWindowSize);
            streams.put(ctx);
        }
        long index = ctx.estimateRtpIndex(Bytes.u16(b, off + 2));
        // A sender refuses to reuse an index: the same index with other content would reuse keystream.
        SrtpStatus replay = ctx.rtpWindow.check(index);
        if (replay != SrtpStatus.OK) {
            return rtp(ctx, replay);
        }
        ctx.rtpWindow.accept(index);
        packet.setLength(transform.protectRtp(b, off, len, hdrLen, ssrc, index));
        return rtp(ctx, SrtpStatus.OK);
    }

    /** SRTP -> RTP in place: authenticates, checks replay, decrypts, and drops the tag. */
    public SrtpStatus unprotectRtp(PacketBuffer packet) {
        requireDirection(false);
        byte[] b = packet.buffer();
        int off = packet.offset();
        int len = packet.length();
        int hdrLen = rtpHeaderLength(b, off, len);
        if (hdrLen < 0) {
            return rtp(null, hdrLen == -1 ? SrtpStatus.TOO_SHORT : SrtpStatus.BAD_VERSION);
        }
        if (len - hdrLen < transform.rtpOverhead()) {
            return rtp(null, SrtpStatus.TOO_SHORT);
        }
        int ssrc = Bytes.int32(b, off + 8);
        int seq = Bytes.u16(b, off + 2);
        SrtpStreamContext ctx = streams.get(ssrc);
        long index;
        if (ctx == null) {
            if (streams.isFull()) {
                return rtp(null, SrtpStatus.BAD_PACKET);
            }
            index = seq; // a new stream starts with ROC 0 (RFC 3711 section 3.3.1)
        } else {
            index = ctx.estimateRtpIndex(seq);
            SrtpStatus replay = ctx.rtpWindow.check(index);
            if (replay != SrtpStatus.OK) {
                return rtp(ctx, replay);
            }
        }
        int rtpLen = transform.unprotectRtp(b, off, len, hdrLen, ssrc, index);
        if (rtpLen < 0) {
            return rtp(ctx, SrtpStatus.AUTH_FAIL);
        }
        if (ctx == null) {
            ctx = new SrtpStreamContext(ssrc, replayWindowSize);
            streams.put(ctx);
        }
        ctx.rtpWindow.accept(index);
        packet.setLength(rtpLen);
        return rtp(ctx, SrtpStatus.OK);
    }

    /** RTCP -> SRTCP in place (always encrypted, E=1); the packet grows by {@link #rtcpOverhead()}. */
    public SrtpStatus protectRtcp(PacketBuffer packet) {
        requireDirection(true);
        byte[] b = packet.buffer();
        int off = packet.offset();
        int len = packet.length();
        SrtpStatus header = checkRtcpHeader(b, off, len, RTCP_HEADER);
        if (header != SrtpStatus.OK) {
            return rtcp(null, header);
        }
        if (packet.tailRoom() < transform.rtcpOverhead()) {
            return rtcp(null, SrtpStatus.NO_ROOM);
        }
        int ssrc = Bytes.int32(b, off + 4);
        SrtpStreamContext ctx = streams.get(ssrc);
        if (ctx == null) {
            if (streams.isFull()) {
                return rtcp(null, SrtpStatus.BAD_PACKET);
            }
            ctx = new SrtpStreamContext(ssrc, replayWindowSize);
            streams.put(ctx);
        }
        int index = ctx.nextRtcpSendIndex();
        if (index < 0) {
            return rtcp(ctx, SrtpStatus.BAD_PACKET); // 2^31 SRTCP packets under one key: re-key first
        }
        packet.setLength(transform.protectRtcp(b, off, len, ssrc, index));
        return rtcp(ctx, SrtpStatus.OK);
    }

    /** SRTCP -> RTCP in place: authenticates, checks the SRTCP index for replay, decrypts if E is set. */
    public SrtpStatus unprotectRtcp(PacketBuffer packet) {
        requireDirection(false);
        byte[] b = packet.buffer();
        int off = packet.offset();
        int len = packet.length();
        SrtpStatus header = checkRtcpHeader(b, off, len, RTCP_HEADER + transform.rtcpOverhead());
        if (header != SrtpStatus.OK) {
            return rtcp(null, header);
        }
        int ssrc = Bytes.int32(b, off + 4);
        int word = transform.rtcpIndexWord(b, off, len);
        boolean encrypted = word < 0;
        int index = word & Integer.MAX_VALUE;
        SrtpStreamContext ctx = streams.get(ssrc);
        if (ctx == null) {
            if (streams.isFull()) {
                return rtcp(null, SrtpStatus.BAD_PACKET);
            }
        } else {
            SrtpStatus replay = ctx.rtcpWindow.check(index);
            if (replay != SrtpStatus.OK) {
                return rtcp(ctx, replay);
            }
        }
        int rtcpLen = transform.unprotectRtcp(b, off, len, ssrc, index, encrypted);
        if (rtcpLen < 0) {
            return rtcp(ctx, SrtpStatus.AUTH_FAIL);
        }
        if (ctx == null) {
            ctx = new SrtpStreamContext(ssrc, replayWindowSize);
            streams.put(ctx);
        }
        ctx.rtcpWindow.accept(index);
        packet.setLength(rtcpLen);
        return rtcp(ctx, SrtpStatus.OK);
    }

    /** The RTP header length, -1 if the packet is shorter than its header, -2 if the version is not 2. */
    private static int rtpHeaderLength(byte[] b, int off, int len) {
        if (len < RTP_HEADER) {
            return -1;
        }
        int first = b[off] & 0xff;
        if ((first >>> 6) != 2) {
            return -2;
        }
        int hdrLen = RTP_HEADER + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) { // X: a 4-byte extension header, then 'length' 32-bit words
            if (len < hdrLen + 4) {
                return -1;
            }
            hdrLen += 4 + 4 * Bytes.u16(b, off + hdrLen + 2);
        }
        return hdrLen <= len ? hdrLen : -1;
    }

    private static SrtpStatus checkRtcpHeader(byte[] b, int off, int len, int minLength) {
        if (len < minLength) {
            return SrtpStatus.TOO_SHORT;
        }
        return (b[off] & 0xc0) == 0x80 ? SrtpStatus.OK : SrtpStatus.BAD_VERSION;
    }

    private SrtpStatus rtp(SrtpStreamContext ctx, SrtpStatus status) {
        counters.countRtp(status);
        if (ctx != null) {
            ctx.counters().countRtp(status);
        }
        return status;
    }

    private SrtpStatus rtcp(SrtpStreamContext ctx, SrtpStatus status) {
        counters.countRtcp(status);
        if (ctx != null) {
            ctx.counters().countRtcp(status);
        }
        return status;
    }

    private void requireDirection(boolean protect) {
        if (protect != sender) {
            throw new IllegalStateException("this " + (sender ? "sender" : "receiver") + " session cannot "
                    + (protect ? "protect" : "unprotect") + "; create a " + (protect ? "sender" : "receiver"));
        }
    }

    @Override
    public String toString() {
        return "SrtpSession[" + suite + ", " + (sender ? "sender" : "receiver") + ", streams=" + streams.size()
                + ", " + counters + "]";
    }
}
