package com.securetrunk.testpbx.media;

import java.util.ArrayList;
import java.util.List;

/**
 * What one side of a call sent and received, and how the received audio compares with the far side's
 * known signal. "Matched" frames are sample-for-sample equal to the expected signal at the position the
 * RTP timestamp says; "corrupted" frames differ in at least one sample; "unrecognised" packets could not
 * be placed in the signal at all. Loss, duplicates and reordering are counted from RTP sequence numbers
 * (RFC 3550 appendix A.3); jitter is the RFC 3550 section 6.4.1 interarrival estimate.
 *
 * @param media            "RTP" or "SRTP &lt;suite&gt;"
 * @param codec            codec this side sends, or null if none was negotiated
 * @param framesSent       audio frames sent
 * @param packetsReceived  RTP packets accepted (after SRTP authentication), audio and DTMF
 * @param framesMatched    received audio frames equal to the expected signal, sample for sample
 * @param framesCorrupted  received audio frames with at least one differing sample
 * @param samplesMismatched samples that differed, over all corrupted frames
 * @param unrecognised     audio packets that matched no position of the expected signal
 * @param lost             packets missing according to the sequence numbers
 * @param duplicates       packets received twice
 * @param reordered        packets that arrived after a later sequence number
 * @param jitterMs         final interarrival jitter estimate, milliseconds
 * @param maxJitterMs      largest jitter estimate seen, milliseconds
 * @param dropped          packets dropped before analysis (SRTP auth/replay failure, not RTP, unknown payload type)
 * @param ssrcChanges      times the far side's SSRC changed
 * @param dtmfReceived     DTMF digits received as RFC 4733 events, in order
 * @param dtmfSent         DTMF digits sent
 * @param firstProblem     description of the first mismatch, or empty
 */
public record AudioReport(String media, AudioCodec codec, long framesSent, long packetsReceived, long framesMatched,
                          long framesCorrupted, long samplesMismatched, long unrecognised, long lost, long duplicates,
                          long reordered, double jitterMs, double maxJitterMs, long dropped, long ssrcChanges,
                          String dtmfReceived, String dtmfSent, String firstProblem) {

    /** An empty report (no media negotiated). */
    public static AudioReport none() {
        return new AudioReport("none", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", "", "");
    }

    /**
     * Problems with the received audio, empty when it is clean: at least {@code minMatchedFrames} frames
     * matched and nothing was corrupted, unrecognised, lost or dropped.
     */
    public List<String> problems(long minMatchedFrames) {
        List<String> p = new ArrayList<>();
        if (framesMatched < minMatchedFrames) {
            p.add("only " + framesMatched + " frames matched the far side's signal (expected at least "
                    + minMatchedFrames + ")");
        }
        if (framesCorrupted > 0) {
            p.add(framesCorrupted + " frames corrupted (" + samplesMismatched + " samples differ)");
        }
        if (unrecognised > 0) {
            p.add(unrecognised + " packets did not match the far side's signal at all");
        }
        if (lost > 0) {
            p.add(lost + " packets lost");
        }
        if (dropped > 0) {
            p.add(dropped + " packets dropped (SRTP authentication/replay failure or unexpected payload)");
        }
        if (!firstProblem.isEmpty() && p.isEmpty()) {
            p.add(firstProblem);
        }
        return p;
    }

    /** True when {@link #problems(long)} is empty. */
    public boolean isClean(long minMatchedFrames) {
        return problems(minMatchedFrames).isEmpty();
    }

    /** One line for logs and CLI output. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s %s: sent %d frames; received %d packets, %d frames matched, %d corrupted (%d samples), "
                        + "%d unrecognised, %d lost, %d duplicate, %d reordered, %d dropped, jitter %.2f ms "
                        + "(max %.2f), DTMF sent '%s' received '%s'%s",
                media, codec == null ? "-" : codec.encodingName(), framesSent, packetsReceived, framesMatched,
                framesCorrupted, samplesMismatched, unrecognised, lost, duplicates, reordered, dropped, jitterMs,
                maxJitterMs, dtmfSent, dtmfReceived, firstProblem.isEmpty() ? "" : "; first problem: " + firstProblem);
    }
}
