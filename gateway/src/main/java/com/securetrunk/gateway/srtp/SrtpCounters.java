package com.securetrunk.gateway.srtp;

/**
 * How many packets ended with each {@link SrtpStatus}, for SRTP and SRTCP separately. Kept per session
 * and per stream (SSRC) so the relay can export them; plain fields, written by the session's one thread.
 * Readers on other threads may see slightly stale values, which is fine for metrics.
 */
public final class SrtpCounters {
    private static final SrtpStatus[] STATUSES = SrtpStatus.values();

    private final long[] rtp = new long[STATUSES.length];
    private final long[] rtcp = new long[STATUSES.length];

    /** Packets of the RTP path (protectRtp / unprotectRtp) that ended with {@code status}. */
    public long rtp(SrtpStatus status) {
        return rtp[status.ordinal()];
    }

    /** Packets of the RTCP path (protectRtcp / unprotectRtcp) that ended with {@code status}. */
    public long rtcp(SrtpStatus status) {
        return rtcp[status.ordinal()];
    }

    /** All packets, RTP and RTCP, that ended with anything but {@link SrtpStatus#OK}. */
    public long failures() {
        long sum = 0;
        for (int i = 1; i < STATUSES.length; i++) {
            sum += rtp[i] + rtcp[i];
        }
        return sum;
    }

    void countRtp(SrtpStatus status) {
        rtp[status.ordinal()]++;
    }

    void countRtcp(SrtpStatus status) {
        rtcp[status.ordinal()]++;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SrtpCounters[");
        for (SrtpStatus s : STATUSES) {
            if (rtp[s.ordinal()] != 0) {
                sb.append("rtp.").append(s).append('=').append(rtp[s.ordinal()]).append(' ');
            }
            if (rtcp[s.ordinal()] != 0) {
                sb.append("rtcp.").append(s).append('=').append(rtcp[s.ordinal()]).append(' ');
            }
        }
        return sb.append(']').toString();
    }
}
