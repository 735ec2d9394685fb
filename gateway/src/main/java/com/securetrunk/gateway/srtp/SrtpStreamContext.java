package com.securetrunk.gateway.srtp;

/**
 * The per-SSRC state of one session direction: the SRTP rollover counter and replay list, the SRTCP index
 * and replay list, and counters. Created by {@link SrtpSession} on the first packet of a new SSRC (for
 * unprotect: only once that packet authenticated). Keys are not here: with key derivation rate 0 they
 * depend only on the master key, so all streams of a session share one {@link PacketTransform}.
 *
 * <p>Read-only to callers (for metrics); mutated only by the owning session's thread.
 */
public final class SrtpStreamContext {
    private static final int SEQ_MEDIAN = 1 << 15;

    private final int ssrc;
    final ReplayWindow rtpWindow;
    final ReplayWindow rtcpWindow;
    private int lastRtcpSendIndex;
    private final SrtpCounters counters = new SrtpCounters();

    SrtpStreamContext(int ssrc, int replayWindowSize) {
        this.ssrc = ssrc;
        this.rtpWindow = new ReplayWindow(replayWindowSize);
        this.rtcpWindow = new ReplayWindow(replayWindowSize);
    }

    public int ssrc() {
        return ssrc;
    }

    /** The rollover counter of the highest SRTP index seen (0 before the first packet). */
    public long rolloverCounter() {
        long h = rtpWindow.highest();
        return h < 0 ? 0 : h >>> 16;
    }

    /** The highest 48-bit SRTP packet index accepted, or -1 before the first. */
    public long highestRtpIndex() {
        return rtpWindow.highest();
    }

    /** The highest SRTCP index accepted (receiver) or -1; for a sender, the last index sent is {@link #lastRtcpSendIndex()}. */
    public long highestRtcpIndex() {
        return rtcpWindow.highest();
    }

    public int lastRtcpSendIndex() {
        return lastRtcpSendIndex;
    }

    public SrtpCounters counters() {
        return counters;
    }

    /**
     * The 48-bit packet index of sequence number {@code seq} (RFC 3711 section 3.3.1 and appendix A):
     * the ROC of the highest index so far, or one less/more when {@code seq} is more than half the
     * sequence space away from it. Until the highest index passes 2^15 the ROC is taken as 0 (as libsrtp's
     * {@code srtp_rdbx_estimate_index} does), so an early late packet cannot guess ROC -1.
     */
    long estimateRtpIndex(int seq) {
        long highest = rtpWindow.highest();
        if (highest <= SEQ_MEDIAN) {
            return seq;
        }
        long roc = highest >>> 16;
        int localSeq = (int) (highest & 0xffff);
        long guessRoc;
        if (localSeq < SEQ_MEDIAN) {
            guessRoc = seq - localSeq > SEQ_MEDIAN ? roc - 1 : roc;
        } else {
            guessRoc = localSeq - SEQ_MEDIAN > seq ? roc + 1 : roc;
        }
        return (guessRoc << 16) | seq;
    }

    /**
     * The next SRTCP index to send, or -1 when the 31-bit space is used up (re-keying needed). Starts at 1,
     * as libsrtp does ({@code srtp_rdb_increment} before use), so our SRTCP is byte-identical to libsrtp's.
     */
    int nextRtcpSendIndex() {
        if (lastRtcpSendIndex == Integer.MAX_VALUE) {
            return -1;
        }
        return ++lastRtcpSendIndex;
    }

    @Override
    public String toString() {
        return "SrtpStreamContext[ssrc=" + Integer.toUnsignedString(ssrc) + ", roc=" + rolloverCounter() + ", "
                + counters + "]";
    }
}
