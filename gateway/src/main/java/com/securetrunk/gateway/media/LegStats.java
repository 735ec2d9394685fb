package com.securetrunk.gateway.media;

/**
 * Counters of one leg (or a sum of legs), as received from and sent to that leg's peer.
 *
 * @param packetsIn        packets received from the peer that passed every check and were forwarded or consumed
 * @param bytesIn          their bytes as received (SRTP including tag)
 * @param packetsOut       packets sent to the peer
 * @param bytesOut         their bytes as sent
 * @param authFailures     SRTP/SRTCP packets whose authentication tag did not verify (dropped)
 * @param replays          SRTP/SRTCP packets rejected by the replay window (dropped)
 * @param tooShort         packets shorter than an RTP/RTCP header (plus tag) (dropped)
 * @param badVersion       RTP/RTCP version field not 2 (dropped)
 * @param garbage          anything else that is not RTP/RTCP for this leg (dropped)
 * @param sendDrops        packets not sent because the socket could not take them
 * @param ssrcChanges      times the peer's RTP SSRC changed
 * @param latches          times the leg's destination moved to the peer's real source address
 * @param lost             estimated packets lost from the peer (RFC 3550 A.3, current SSRC)
 * @param jitterMicros     interarrival jitter estimate (RFC 3550 A.8) in microseconds
 */
public record LegStats(long packetsIn, long bytesIn, long packetsOut, long bytesOut, long authFailures,
                       long replays, long tooShort, long badVersion, long garbage, long sendDrops,
                       long ssrcChanges, long latches, long lost, long jitterMicros) {

    public static final LegStats ZERO = new LegStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Every dropped inbound packet, whatever the reason. */
    public long dropped() {
        return authFailures + replays + tooShort + badVersion + garbage;
    }

    /** Sum of counters; jitter keeps the larger of the two (a sum of jitters means nothing). */
    public LegStats plus(LegStats o) {
        return new LegStats(packetsIn + o.packetsIn, bytesIn + o.bytesIn, packetsOut + o.packetsOut,
                bytesOut + o.bytesOut, authFailures + o.authFailures, replays + o.replays, tooShort + o.tooShort,
                badVersion + o.badVersion, garbage + o.garbage, sendDrops + o.sendDrops,
                ssrcChanges + o.ssrcChanges, latches + o.latches, lost + o.lost,
                Math.max(jitterMicros, o.jitterMicros));
    }
}
