package com.securetrunk.testpbx.media;

/**
 * Checks received RTP against the far side's {@link TestSignal}. Called by one receiver thread only;
 * {@link #snapshot} may be called from any thread (fields are read racily but each is a plain counter,
 * and the final report is taken after the receiver stopped).
 *
 * <p>Anchoring: the first audio packet of each SSRC is located in the signal by its first bytes; after
 * that the expected position of each packet is {@code anchorSample + (timestamp - anchorTimestamp)}, so
 * suppressed frames (e.g. during DTMF) and reordering do not confuse the comparison.
 */
final class AudioAnalyzer {
    private static final int SEEN_WINDOW = 4096;

    private final TestSignal expected;
    private final int dtmfPayloadType;

    private boolean haveSsrc;
    private int ssrc;
    private long ssrcChanges;
    // sequence tracking (RFC 3550 A.3), per SSRC; totals accumulate over SSRC changes
    private long baseSeq;
    private long maxSeq;
    private long receivedThisSsrc;
    private long lostPreviousSsrcs;
    private final long[] seen = new long[SEEN_WINDOW];
    private long duplicates;
    private long reordered;
    // anchoring
    private boolean anchored;
    private long anchorTimestamp;
    private long anchorSample;
    // results
    private long packetsReceived;
    private long framesMatched;
    private long framesCorrupted;
    private long samplesMismatched;
    private long unrecognised;
    private long dropped;
    private volatile String firstProblem = "";
    // jitter (RFC 3550 6.4.1), in timestamp units
    private boolean haveTransit;
    private long lastTransit;
    private double jitter;
    private double maxJitter;
    // DTMF
    private final StringBuilder dtmf = new StringBuilder();
    private long lastEventTimestamp = -1;

    AudioAnalyzer(TestSignal expected, int dtmfPayloadType) {
        this.expected = expected;
        this.dtmfPayloadType = dtmfPayloadType;
    }

    void drop() {
        dropped++;
    }

    /** Analyses one plain RTP packet received at {@code arrivalNanos}. */
    void onPacket(byte[] b, int len, long arrivalNanos) {
        int payloadOff = Rtp.payloadOffset(b, 0, len);
        if (payloadOff < 0) {
            dropped++;
            return;
        }
        int payloadLen = Rtp.payloadLength(b, 0, len, payloadOff);
        if (payloadLen < 0) {
            dropped++;
            return;
        }
        int pt = Rtp.payloadType(b, 0);
        AudioCodec codec = pt == 0 ? AudioCodec.PCMU : pt == 8 ? AudioCodec.PCMA : null;
        boolean isDtmf = pt == dtmfPayloadType && dtmfPayloadType >= 0;
        if (codec == null && !isDtmf) {
            dropped++;
            return;
        }
        int packetSsrc = Rtp.ssrc(b, 0);
        int seq = Rtp.sequence(b, 0);
        long ts = Rtp.timestamp(b, 0);
        if (!haveSsrc || packetSsrc != ssrc) {
            if (haveSsrc) {
                ssrcChanges++;
                lostPreviousSsrcs += lostThisSsrc();
            }
            haveSsrc = true;
            ssrc = packetSsrc;
            baseSeq = seq;
            maxSeq = seq;
            receivedThisSsrc = 0;
            java.util.Arrays.fill(seen, -1);
            anchored = false;
            haveTransit = false;
            lastEventTimestamp = -1;
        }
        long ext = extend(seq);
        if (seen[(int) (ext & (SEEN_WINDOW - 1))] == ext) {
            duplicates++;
            return;
        }
        seen[(int) (ext & (SEEN_WINDOW - 1))] = ext;
        if (ext < maxSeq) {
            reordered++;
        } else {
            maxSeq = ext;
        }
        receivedThisSsrc++;
        packetsReceived++;
        updateJitter(ts, arrivalNanos);
        if (isDtmf) {
            onDtmf(b, payloadOff, payloadLen, ts);
            return;
        }
        checkAudio(codec, b, payloadOff, payloadLen, ts);
    }

    private long extend(int seq) {
        long delta = (short) (seq - (int) (maxSeq & 0xFFFF));
        return maxSeq + delta;
    }

    private long lostThisSsrc() {
        long expectedPackets = maxSeq - baseSeq + 1;
        return Math.max(0, expectedPackets - receivedThisSsrc);
    }

    private void updateJitter(long ts, long arrivalNanos) {
        long arrivalUnits = arrivalNanos / 125_000; // 8 kHz clock
        long transit = arrivalUnits - ts;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            if (d < 8000 * 60) { // ignore timestamp jumps (e.g. after DTMF events)
                jitter += (d - jitter) / 16.0;
                maxJitter = Math.max(maxJitter, jitter);
            }
        }
        lastTransit = transit;
        haveTransit = true;
    }

    private void onDtmf(byte[] b, int off, int len, long ts) {
        if (len < Dtmf.PAYLOAD) {
            dropped++;
            return;
        }
        if (ts != lastEventTimestamp) {
            lastEventTimestamp = ts;
            synchronized (dtmf) {
                dtmf.append(Dtmf.digitOf(b[off] & 0xFF));
            }
        }
    }

    private void checkAudio(AudioCodec codec, byte[] b, int off, int len, long ts) {
        if (!anchored) {
            int frame = expected.findFrame(codec, b, off, len);
            if (frame < 0) {
                unrecognised++;
                problem("packet seq " + Rtp.sequence(b, 0) + " ts " + ts
                        + " does not start any frame of the expected signal (seed " + Long.toHexString(expected.seed())
                        + ")");
                return;
            }
            anchored = true;
            anchorTimestamp = ts;
            anchorSample = (long) frame * AudioCodec.SAMPLES_PER_FRAME;
        }
        long position = anchorSample + (int) (ts - anchorTimestamp); // int cast: 32-bit timestamp wrap
        int mismatches = 0;
        for (int i = 0; i < len; i++) {
            if (codec.decode(b[off + i]) != expected.expectedDecoded(codec, position + i)) {
                mismatches++;
            }
        }
        if (mismatches == 0) {
            framesMatched++;
        } else if (mismatches == len && expected.findFrame(codec, b, off, len) < 0) {
            unrecognised++;
            problem("packet seq " + Rtp.sequence(b, 0) + " ts " + ts + " matches no part of the expected signal");
        } else {
            framesCorrupted++;
            samplesMismatched += mismatches;
            problem("packet seq " + Rtp.sequence(b, 0) + " ts " + ts + ": " + mismatches + " of " + len
                    + " samples differ from the expected signal");
        }
    }

    private void problem(String text) {
        if (firstProblem.isEmpty()) {
            firstProblem = text;
        }
    }

    long lost() {
        return lostPreviousSsrcs + (haveSsrc ? lostThisSsrc() : 0);
    }

    AudioReport snapshot(String media, AudioCodec codec, long framesSent, String dtmfSent) {
        String received;
        synchronized (dtmf) {
            received = dtmf.toString();
        }
        return new AudioReport(media, codec, framesSent, packetsReceived, framesMatched, framesCorrupted,
                samplesMismatched, unrecognised, lost(), duplicates, reordered, jitter / 8.0, maxJitter / 8.0,
                dropped, ssrcChanges, received, dtmfSent, firstProblem);
    }
}
