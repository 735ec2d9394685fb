package com.securetrunk.gateway.media.netty;

/**
 * Loss and jitter of the RTP stream a leg receives, per RFC 3550 appendix A.1/A.3 (sequence extension,
 * expected - received) and A.8 (interarrival jitter, J += (|D| - J) / 16). Tracks the current SSRC only;
 * a new SSRC starts over. Plain fields: touched by the leg's event loop only.
 */
final class ReceptionStats {
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private long received;
    /** Jitter in RTP timestamp units, scaled by 16 as in RFC 3550 A.8's integer version. */
    private long jitterQ4;
    private long lastTransit;
    private int clockRate = 8000;
    private long lostBefore;

    void clockRate(int hz) {
        this.clockRate = hz;
    }

    /** Starts a new source (SSRC change): loss so far is kept, sequence state restarts. */
    void restart() {
        lostBefore += currentLost();
        started = false;
    }

    void onPacket(int seq, int rtpTimestamp, long arrivalNanos) {
        long arrival = arrivalNanos / 1000 * clockRate / 1_000_000;
        long transit = arrival - (rtpTimestamp & 0xffffffffL);
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 1;
            lastTransit = transit;
            return;
        }
        int delta = (seq - maxSeq) & 0xffff;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            // a large jump: the sender restarted its sequence; resynchronise like RFC 3550 A.1's probation
            lostBefore += currentLost();
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 0;
        }
        received++;
        long d = transit - lastTransit;
        lastTransit = transit;
        if (d < 0) {
            d = -d;
        }
        jitterQ4 += d - ((jitterQ4 + 8) >> 4);
    }

    private long currentLost() {
        if (!started) {
            return 0;
        }
        long expected = cycles + maxSeq - baseSeq + 1;
        return Math.max(0, expected - received);
    }

    long lost() {
        return lostBefore + currentLost();
    }

    long jitterMicros() {
        return (jitterQ4 >> 4) * 1_000_000L / clockRate;
    }
}
