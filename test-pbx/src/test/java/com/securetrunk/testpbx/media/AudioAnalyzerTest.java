package com.securetrunk.testpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receiver's checks on hand-built packet sequences (no sockets). */
class AudioAnalyzerTest {
    private static final int DTMF_PT = 101;
    private final byte[] buf = new byte[Rtp.HEADER + AudioCodec.SAMPLES_PER_FRAME];

    private int packet(TestSignal signal, AudioCodec codec, long frame, int seq, long ts, int ssrc) {
        Rtp.writeHeader(buf, false, codec.payloadType(), seq & 0xFFFF, ts & 0xFFFFFFFFL, ssrc);
        signal.encodeFrame(codec, frame, buf, Rtp.HEADER);
        return buf.length;
    }

    private void feed(AudioAnalyzer a, long frame, int seq, long ts) {
        a.onPacket(buf, packet(TestSignal.CALLER, AudioCodec.PCMU, frame, seq, ts, 7), frame * 20_000_000L);
    }

    @Test
    void exactStreamStartingMidSignalWithArbitrarySeqAndTimestampMatches() {
        AudioAnalyzer a = new AudioAnalyzer(TestSignal.CALLER, DTMF_PT);
        for (int i = 0; i < 100; i++) {
            feed(a, 1234 + i, 65500 + i, 0xFFFFFF00L + 160L * i); // seq and timestamp both wrap
        }
        AudioReport r = a.snapshot("RTP", AudioCodec.PCMU, 0, "");
        assertThat(r.framesMatched()).isEqualTo(100);
        assertThat(r.problems(100)).isEmpty();
        assertThat(r.jitterMs()).isLessThan(0.5);
    }

    @Test
    void countsLossDuplicatesAndReordering() {
        AudioAnalyzer a = new AudioAnalyzer(TestSignal.CALLER, DTMF_PT);
        feed(a, 0, 10, 0);
        feed(a, 1, 11, 160);
        feed(a, 3, 13, 480); // 12 missing for now
        feed(a, 2, 12, 320); // late: reordered, no longer lost
        feed(a, 2, 12, 320); // duplicate
        feed(a, 5, 15, 800); // 14 lost
        AudioReport r = a.snapshot("RTP", AudioCodec.PCMU, 0, "");
        assertThat(r.framesMatched()).isEqualTo(5);
        assertThat(r.reordered()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.isClean(5)).isFalse();
    }

    @Test
    void oneWrongSampleMakesAFrameCorrupted() {
        AudioAnalyzer a = new AudioAnalyzer(TestSignal.CALLER, DTMF_PT);
        feed(a, 0, 1, 0);
        int len = packet(TestSignal.CALLER, AudioCodec.PCMU, 1, 2, 160, 7);
        buf[Rtp.HEADER + 100] ^= 0x01;
        a.onPacket(buf, len, 0);
        AudioReport r = a.snapshot("RTP", AudioCodec.PCMU, 0, "");
        assertThat(r.framesCorrupted()).isEqualTo(1);
        assertThat(r.samplesMismatched()).isEqualTo(1);
        assertThat(r.firstProblem()).contains("1 of 160 samples differ");
    }

    @Test
    void theWrongSignalIsNotRecognised() {
        AudioAnalyzer a = new AudioAnalyzer(TestSignal.CALLER, DTMF_PT);
        a.onPacket(buf, packet(TestSignal.CALLEE, AudioCodec.PCMA, 0, 1, 0, 7), 0);
        AudioReport r = a.snapshot("RTP", AudioCodec.PCMA, 0, "");
        assertThat(r.unrecognised()).isEqualTo(1);
        assertThat(r.framesMatched()).isZero();
    }

    @Test
    void dtmfEventsAreCollectedOncePerEventAndUnknownPayloadsDropped() {
        AudioAnalyzer a = new AudioAnalyzer(TestSignal.CALLER, DTMF_PT);
        byte[] p = new byte[Rtp.HEADER + Dtmf.PAYLOAD];
        int seq = 1;
        for (char digit : "5#".toCharArray()) {
            long ts = 1000L * seq;
            for (int i = 0; i < 4; i++) {
                Rtp.writeHeader(p, i == 0, DTMF_PT, seq++, ts, 9);
                Dtmf.write(p, Rtp.HEADER, Dtmf.eventOf(digit), i == 3, 10, 160 * (i + 1));
                a.onPacket(p, p.length, 0);
            }
        }
        Rtp.writeHeader(p, false, 18, seq, 0, 9); // G.729: not expected here
        a.onPacket(p, p.length, 0);
        AudioReport r = a.snapshot("RTP", null, 0, "");
        assertThat(r.dtmfReceived()).isEqualTo("5#");
        assertThat(r.dropped()).isEqualTo(1);
    }
}
