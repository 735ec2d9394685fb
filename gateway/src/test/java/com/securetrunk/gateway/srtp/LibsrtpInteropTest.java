package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Byte-for-byte against libsrtp 2 (the C library Asterisk, FreeSWITCH and rtpengine use): for the same keys
 * and packets our sender's SRTP and SRTCP bytes are identical to libsrtp's, each side unprotects the
 * other's output, and both refuse the same tampered and replayed packets.
 */
class LibsrtpInteropTest {
    private static final long SEED = Long.getLong("srtp.seed", System.nanoTime());

    /** 4000 RTP packets over two SSRCs (the first wraps its sequence number) mixed with 400 RTCP packets. */
    static List<LibsrtpHelper.Packet> stream(Random rnd) {
        List<LibsrtpHelper.Packet> out = new ArrayList<>();
        int[] ssrcs = {rnd.nextInt(), rnd.nextInt()};
        int[] seqs = {65536 - 1000 - rnd.nextInt(500), rnd.nextInt(65536)};
        for (int i = 0; i < 4000; i++) {
            int s = i < 2500 ? 0 : 1;
            byte[] p = JitsiInteropTest.rtpPacket(seqs[s], ssrcs[s], rnd.nextInt(401), rnd);
            seqs[s] = (seqs[s] + 1) & 0xffff;
            if (i % 97 == 0 && p.length >= 12 + 8 + 8) { // some with 1 CSRC and a 1-word header extension
                p[0] = (byte) 0x91;
                Bytes.putInt32(p, 16, 0xBEDE0001);
            }
            out.add(new LibsrtpHelper.Packet(false, p));
            if (i % 10 == 0) {
                out.add(new LibsrtpHelper.Packet(true, JitsiInteropTest.rtcpPacket(ssrcs[s], rnd.nextInt(60), rnd)));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void identicalBytesAndMutualUnprotect(SrtpSuite suite) throws Exception {
        long seed = SEED + suite.ordinal();
        System.out.println("LibsrtpInteropTest " + suite + " seed=" + seed);
        Random rnd = new Random(seed);
        MasterKey key = SrtpSessionTest.key(suite, seed);
        List<LibsrtpHelper.Packet> plain = stream(rnd);

        List<LibsrtpHelper.Result> theirs = LibsrtpHelper.run("protect", key, plain);
        assertThat(theirs).hasSize(plain.size());
        SrtpSession tx = SrtpSession.sender(key);
        List<LibsrtpHelper.Packet> ours = new ArrayList<>();
        PacketBuffer buf = new PacketBuffer(4096);
        for (int i = 0; i < plain.size(); i++) {
            LibsrtpHelper.Packet p = plain.get(i);
            System.arraycopy(p.bytes(), 0, buf.buffer(), 0, p.bytes().length);
            buf.set(buf.buffer(), 0, p.bytes().length);
            assertThat(p.rtcp() ? tx.protectRtcp(buf) : tx.protectRtp(buf)).isEqualTo(SrtpStatus.OK);
            byte[] mine = Arrays.copyOf(buf.buffer(), buf.length());
            assertThat(theirs.get(i).status()).isEqualTo(LibsrtpHelper.OK);
            assertThat(mine).as("packet %d (%s) identical to libsrtp's", i, p.rtcp() ? "SRTCP" : "SRTP")
                    .isEqualTo(theirs.get(i).bytes());
            ours.add(new LibsrtpHelper.Packet(p.rtcp(), mine));
        }

        // libsrtp unprotects ours
        List<LibsrtpHelper.Result> back = LibsrtpHelper.run("unprotect", key, ours);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(back.get(i).status()).as("libsrtp unprotect of packet %d", i).isEqualTo(LibsrtpHelper.OK);
            assertThat(back.get(i).bytes()).isEqualTo(plain.get(i).bytes());
        }

        // we unprotect libsrtp's, in a stream with replays, old packets and flipped bits that both must refuse
        List<LibsrtpHelper.Packet> hostile = new ArrayList<>();
        List<Integer> originalIndex = new ArrayList<>();
        for (int i = 0; i < theirs.size(); i++) {
            LibsrtpHelper.Packet p = new LibsrtpHelper.Packet(plain.get(i).rtcp(), theirs.get(i).bytes());
            if (i % 50 == 7) {
                byte[] flipped = p.bytes().clone();
                int bit = rnd.nextInt(flipped.length * 8);
                flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
                hostile.add(new LibsrtpHelper.Packet(p.rtcp(), flipped));
                originalIndex.add(-1);
            }
            hostile.add(p);
            originalIndex.add(i);
            if (i % 50 == 20) {
                hostile.add(p); // immediate duplicate
                originalIndex.add(-2);
            }
            if (i % 500 == 499) {
                hostile.add(new LibsrtpHelper.Packet(plain.get(i - 300).rtcp(), theirs.get(i - 300).bytes()));
                originalIndex.add(-3); // 300 back: older than the 128-packet window for RTP
            }
        }
        List<LibsrtpHelper.Result> libsrtpVerdicts = LibsrtpHelper.run("unprotect", key, hostile);
        SrtpSession rx = SrtpSession.receiver(key);
        for (int i = 0; i < hostile.size(); i++) {
            LibsrtpHelper.Packet p = hostile.get(i);
            System.arraycopy(p.bytes(), 0, buf.buffer(), 0, p.bytes().length);
            buf.set(buf.buffer(), 0, p.bytes().length);
            SrtpStatus mine = p.rtcp() ? rx.unprotectRtcp(buf) : rx.unprotectRtp(buf);
            int theirsStatus = libsrtpVerdicts.get(i).status();
            assertThat(mine == SrtpStatus.OK).as("record %d: ours %s, libsrtp status %d", i, mine, theirsStatus)
                    .isEqualTo(theirsStatus == LibsrtpHelper.OK);
            if (theirsStatus == LibsrtpHelper.REPLAY_FAIL) {
                assertThat(mine).isEqualTo(SrtpStatus.REPLAY_DUP);
            } else if (theirsStatus == LibsrtpHelper.REPLAY_OLD) {
                assertThat(mine).isEqualTo(SrtpStatus.REPLAY_OLD);
            } else if (theirsStatus == LibsrtpHelper.AUTH_FAIL) {
                // a tampered byte may hit the version bits: we refuse that before authenticating, libsrtp after
                assertThat(mine).isIn(SrtpStatus.AUTH_FAIL, SrtpStatus.TOO_SHORT, SrtpStatus.BAD_VERSION);
            }
            if (originalIndex.get(i) >= 0) {
                assertThat(Arrays.copyOf(buf.buffer(), buf.length())).isEqualTo(plain.get(originalIndex.get(i)).bytes());
            }
        }
        assertThat(rx.counters().rtp(SrtpStatus.REPLAY_DUP)).isPositive();
        assertThat(rx.counters().rtp(SrtpStatus.REPLAY_OLD)).isPositive();
        assertThat(rx.counters().rtcp(SrtpStatus.REPLAY_DUP)).isPositive();
    }
}
