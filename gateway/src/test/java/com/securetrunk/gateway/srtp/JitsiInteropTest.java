package com.securetrunk.gateway.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips through an independent implementation, org.jitsi:jitsi-srtp: for every suite, SRTP and SRTCP,
 * jitsi protects what we unprotect and the reverse. Each case sends {@value #DEFAULT_PACKETS} packets (override
 * with -Dsrtp.interop.packets) of random size through a seeded network simulator that reorders inside the
 * window, wraps the sequence number (ROC increment, late packets from before the wrap), changes SSRC, and
 * injects duplicates, packets older than the window and copies with one flipped bit.
 * The seed is printed; rerun a failure with -Dsrtp.seed=N.
 */
class JitsiInteropTest {
    static final int DEFAULT_PACKETS = 100_000;
    static final int PACKETS = Integer.getInteger("srtp.interop.packets", DEFAULT_PACKETS);
    static final long SEED = Long.getLong("srtp.seed", System.nanoTime());

    /** What a receiver made of a packet, in terms both implementations share. */
    enum Outcome { OK, DUPLICATE, OLD, REFUSED }

    interface Sender {
        byte[] protect(byte[] plain, int ssrc);
    }

    interface Receiver {
        /** Unprotects {@code packet} in place-ish and returns the outcome; on OK, {@code plain[0]} is the result. */
        Outcome unprotect(byte[] packet, int ssrc, byte[][] plain);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (SrtpSuite suite : SrtpSuite.values()) {
            for (String protocol : new String[] {"SRTP", "SRTCP"}) {
                out.add(Arguments.of(suite, protocol, "ours->jitsi"));
                out.add(Arguments.of(suite, protocol, "jitsi->ours"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void roundTrip(SrtpSuite suite, String protocol, String direction) throws Exception {
        boolean rtcp = protocol.equals("SRTCP");
        long seed = SEED ^ (suite.ordinal() * 31L + (rtcp ? 7 : 0) + direction.hashCode());
        System.out.println("JitsiInteropTest " + suite + " " + direction + (rtcp ? " SRTCP" : " SRTP")
                + " seed=" + seed + " (base -Dsrtp.seed=" + SEED + ")");
        MasterKey key = SrtpSessionTest.key(suite, seed);
        boolean oursSend = direction.startsWith("ours");
        Sender tx = oursSend ? oursSender(SrtpSession.sender(key), rtcp) : jitsiSender(key, rtcp);
        Receiver rx = oursSend ? jitsiReceiver(key, rtcp) : oursReceiver(SrtpSession.receiver(key), rtcp);
        Map<Outcome, Integer> counts = new NetworkSimulator(new Random(seed), rtcp, tx, rx).run(PACKETS);
        System.out.println("  outcomes " + counts);
        assertThat(counts.get(Outcome.OK)).isEqualTo(PACKETS);
        assertThat(counts.get(Outcome.DUPLICATE)).isPositive();
        assertThat(counts.get(Outcome.OLD)).isPositive();
        assertThat(counts.get(Outcome.REFUSED)).isPositive();
    }

    /** Sends {@code n} packets from tx to rx with reordering and injected bad copies, checking every outcome. */
    static final class NetworkSimulator {
        private static final int REORDER_DEPTH = 6;
        private final Random rnd;
        private final boolean rtcp;
        private final Sender tx;
        private final Receiver rx;
        /** Sent, not yet delivered: {plain, protected}; the oldest first, with their packet numbers. */
        private final List<byte[][]> pending = new ArrayList<>();
        private final List<Long> pendingNumbers = new ArrayList<>();
        private final List<byte[]> delivered = new ArrayList<>(); // protected copies of the current SSRC, in order
        private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        private int ssrc;
        private int seq;
        private long packetNumber;
        private final java.util.ArrayDeque<String> recent = new java.util.ArrayDeque<>();

        private void note(String event) {
            if (recent.size() == 12) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }

        NetworkSimulator(Random rnd, boolean rtcp, Sender tx, Receiver rx) {
            this.rnd = rnd;
            this.rtcp = rtcp;
            this.tx = tx;
            this.rx = rx;
            for (Outcome o : Outcome.values()) {
                counts.put(o, 0);
            }
        }

        Map<Outcome, Integer> run(int n) {
            newSsrc();
            seq = 65536 - 200 - rnd.nextInt(20_000); // the first SSRC wraps early in the run
            for (int i = 0; i < n; i++) {
                packetNumber = i;
                if (i > 0 && i % 40_000 == 0) { // SSRC change: the receiver must start a fresh stream
                    flush();
                    newSsrc();
                }
                byte[] plain = rtcp ? rtcpPacket(ssrc, rnd.nextInt(100), rnd) : rtpPacket(seq, ssrc, rnd.nextInt(401), rnd);
                seq = (seq + 1) & 0xffff;
                pending.add(new byte[][] {plain, tx.protect(plain.clone(), ssrc)});
                pendingNumbers.add((long) i);
                if (pending.size() >= REORDER_DEPTH) {
                    // random order inside the buffer, but no packet is held back more than 4 * depth
                    // packets, which stays inside every window (jitsi's is 64)
                    int pick = i - pendingNumbers.get(0) > 4 * REORDER_DEPTH ? 0 : rnd.nextInt(pending.size());
                    pendingNumbers.remove(pick);
                    deliver(pending.remove(pick));
                }
                int dice = rnd.nextInt(1000);
                if (dice < 10 && delivered.size() > 16) {
                    inject(delivered.get(delivered.size() - 1 - rnd.nextInt(16)), Outcome.DUPLICATE);
                } else if (dice < 20 && delivered.size() > 400) {
                    inject(delivered.get(delivered.size() - 200 - rnd.nextInt(200)), Outcome.OLD);
                } else if (dice < 40 && !pending.isEmpty()) {
                    byte[] flipped = pending.get(rnd.nextInt(pending.size()))[1].clone();
                    int bit = rnd.nextInt(flipped.length * 8);
                    flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    note("flip bit " + bit + " of " + describe(flipped));
                    inject(flipped, Outcome.REFUSED);
                }
            }
            flush();
            return counts;
        }

        private void newSsrc() {
            ssrc = rnd.nextInt();
            seq = rnd.nextInt(65536);
            delivered.clear();
        }

        private void flush() {
            while (!pending.isEmpty()) {
                pendingNumbers.remove(0);
                deliver(pending.remove(0));
            }
        }

        private void deliver(byte[][] p) {
            byte[][] out = new byte[1][];
            Outcome o = rx.unprotect(p[1].clone(), ssrc, out);
            if (o != Outcome.OK || !Arrays.equals(out[0], p[0])) {
                throw new AssertionError("packet " + packetNumber + " ssrc " + Integer.toHexString(ssrc)
                        + ": expected OK with the original bytes, got " + o + " for " + describe(p[1]) + " (seed "
                        + SEED + "); before: " + recent);
            }
            counts.merge(o, 1, Integer::sum);
            delivered.add(p[1]);
            note("ok " + describe(p[1]));
        }

        private void inject(byte[] packet, Outcome expected) {
            Outcome o = rx.unprotect(packet.clone(), ssrc, new byte[1][]);
            boolean fine = expected == Outcome.REFUSED ? o != Outcome.OK : o == expected;
            if (!fine) {
                throw new AssertionError("packet " + packetNumber + ": injected " + expected + " copy came out "
                        + o + " (seed " + SEED + ")");
            }
            counts.merge(expected, 1, Integer::sum);
            note(expected + " " + describe(packet) + " -> " + o);
        }

        private String describe(byte[] p) {
            return rtcp ? "idx " + (Bytes.int32(p, p.length - 14) & 0x7fffffff) : "seq " + Bytes.u16(p, 2);
        }
    }

    static byte[] rtpPacket(int seq, int ssrc, int payloadLength, Random rnd) {
        byte[] p = new byte[12 + payloadLength];
        rnd.nextBytes(p);
        p[0] = (byte) 0x80;
        p[1] = (byte) (p[1] & 0x7f) == 0 ? 0 : (byte) (p[1] & 0x3f); // keep PT clear of the RTCP range
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        Bytes.putInt32(p, 8, ssrc);
        return p;
    }

    static byte[] rtcpPacket(int ssrc, int words, Random rnd) {
        byte[] p = new byte[8 + 4 * words];
        rnd.nextBytes(p);
        p[0] = (byte) 0x80;
        p[1] = (byte) 201; // RR
        p[2] = (byte) ((words + 1) >>> 8);
        p[3] = (byte) (words + 1);
        Bytes.putInt32(p, 4, ssrc);
        return p;
    }

    // ---- our engine ----

    static Sender oursSender(SrtpSession session, boolean rtcp) {
        return new Sender() {
            final PacketBuffer buf = new PacketBuffer(2048);

            @Override
            public byte[] protect(byte[] plain, int ssrc) {
                System.arraycopy(plain, 0, buf.buffer(), 0, plain.length);
                buf.set(buf.buffer(), 0, plain.length);
                SrtpStatus s = rtcp ? session.protectRtcp(buf) : session.protectRtp(buf);
                assertThat(s).isEqualTo(SrtpStatus.OK);
                return Arrays.copyOf(buf.buffer(), buf.length());
            }
        };
    }

    static Receiver oursReceiver(SrtpSession session, boolean rtcp) {
        PacketBuffer buf = new PacketBuffer(2048);
        return (packet, ssrc, plain) -> {
            System.arraycopy(packet, 0, buf.buffer(), 0, packet.length);
            buf.set(buf.buffer(), 0, packet.length);
            SrtpStatus s = rtcp ? session.unprotectRtcp(buf) : session.unprotectRtp(buf);
            plain[0] = Arrays.copyOf(buf.buffer(), buf.length());
            return switch (s) {
                case OK -> Outcome.OK;
                case REPLAY_DUP -> Outcome.DUPLICATE;
                case REPLAY_OLD -> Outcome.OLD;
                default -> Outcome.REFUSED;
            };
        };
    }

    // ---- jitsi-srtp ----

    static Sender jitsiSender(MasterKey key, boolean rtcp) {
        Jitsi jitsi = Jitsi.sender(key);
        return (plain, ssrc) -> {
            try {
                return rtcp ? jitsi.protectRtcp(plain) : jitsi.protectRtp(plain);
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        };
    }

    static Receiver jitsiReceiver(MasterKey key, boolean rtcp) {
        Jitsi jitsi = Jitsi.receiver(key);
        return (packet, ssrc, plain) -> {
            Jitsi.Unprotected u;
            try {
                u = jitsi.unprotect(packet, rtcp);
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
            plain[0] = u.plain();
            return switch (u.status()) {
                case OK -> Outcome.OK;
                case REPLAY_FAIL -> Outcome.DUPLICATE;
                case REPLAY_OLD -> Outcome.OLD;
                default -> Outcome.REFUSED;
            };
        };
    }
}
