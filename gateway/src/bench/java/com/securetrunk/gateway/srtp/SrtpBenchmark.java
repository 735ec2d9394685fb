package com.securetrunk.gateway.srtp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * ns per packet for SRTP protect and unprotect of a 172-byte RTP packet (12-byte header + 160 bytes of
 * PCMU, one 20 ms G.711 frame), shaped like ../shared/bench/libsrtp/srtp_bench.c so the two compare:
 * <ul>
 *   <li>protect: packets protected in place in a ring of {@value #RING} slots, the header (seq, ts)
 *       rewritten for each, so the sequence number increases and wraps (ROC increments);</li>
 *   <li>unprotect: a sender pre-protects a batch of {@value #RING} packets (not timed), a separate receiver
 *       unprotects the batch (timed); sequence numbers keep increasing, so replay checks run for real.</li>
 * </ul>
 * Run: {@code taskset -c 1 java -jar gateway/target/benchmarks.jar SrtpBenchmark}.
 *
 * <p>Besides JMH's wall-clock ns/op, each benchmark measures the benchmark thread's CPU time around every
 * batch (not around the untimed setup) and prints {@code RESULT-CPU} lines with the median CPU ns/packet of
 * the measurement iterations: the same clock srtp_bench.c uses (CLOCK_THREAD_CPUTIME_ID), which stays
 * meaningful on a shared machine where other processes preempt the pinned core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/sun.security.provider=ALL-UNNAMED")
public class SrtpBenchmark {
    static final int RING = 4096;
    static final int HEADER = 12;
    static final int PAYLOAD = 160;
    static final int SLOT = HEADER + PAYLOAD + 16 + 16;
    static final int SSRC = 0x10000000;

    /** Key, packet ring and sequence state shared by both benchmarks' states. */
    @State(Scope.Thread)
    public abstract static class Ring {
        @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32"})
        public String suite;

        final byte[] ring = new byte[RING * SLOT];
        final PacketBuffer[] slots = new PacketBuffer[RING];
        final byte[] plain = new byte[PAYLOAD];
        MasterKey key;
        int seq;
        int ts;

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long cpuNanos;
        long packets;
        private final List<Double> cpuPerPacket = new ArrayList<>();

        final long cpuNow() {
            return THREADS.getCurrentThreadCpuTime();
        }

        @Setup(Level.Iteration)
        public void resetCpu() {
            cpuNanos = 0;
            packets = 0;
        }

        @TearDown(Level.Iteration)
        public void recordCpu(IterationParams iteration) {
            if (iteration.getType() == IterationType.MEASUREMENT && packets > 0) {
                cpuPerPacket.add((double) cpuNanos / packets);
            }
        }

        @TearDown(Level.Trial)
        public void printCpu(BenchmarkParams params) {
            List<Double> sorted = new ArrayList<>(cpuPerPacket);
            sorted.sort(null);
            if (!sorted.isEmpty()) {
                String op = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
                System.out.printf(Locale.ROOT, "%nRESULT-CPU,securetrunk-jdk%s,%s,%s,median_cpu_ns_per_pkt=%.1f,min=%.1f,iterations=%s%n",
                        Runtime.version().feature(), suite, op, sorted.get(sorted.size() / 2), sorted.get(0),
                        cpuPerPacket);
            }
        }

        @Setup(Level.Trial)
        public void setUpRing() {
            SrtpSuite s = SrtpSuite.valueOf(suite);
            byte[] material = new byte[s.keyMaterialLength()];
            Random rnd = new Random(12345);
            rnd.nextBytes(material);
            key = MasterKey.fromKeyMaterial(s, material);
            for (int i = 0; i < PAYLOAD; i++) {
                plain[i] = (byte) (0xff ^ i); // "mu-law" bytes, as srtp_bench.c
            }
            for (int i = 0; i < RING; i++) {
                slots[i] = new PacketBuffer(ring, i * SLOT, HEADER + PAYLOAD);
                System.arraycopy(plain, 0, ring, i * SLOT + HEADER, PAYLOAD);
            }
            seq = rnd.nextInt(0x7fff);
            ts = rnd.nextInt();
            createSessions();
        }

        /** Called once the key exists (JMH does not order a superclass's and a subclass's @Setup). */
        abstract void createSessions();

        final void writeHeader(PacketBuffer p) {
            int off = p.offset();
            ring[off] = (byte) 0x80;
            ring[off + 1] = 0;
            ring[off + 2] = (byte) (seq >>> 8);
            ring[off + 3] = (byte) seq;
            Bytes.putInt32(ring, off + 4, ts);
            Bytes.putInt32(ring, off + 8, SSRC);
            seq = (seq + 1) & 0xffff;
            ts += 160;
            p.setLength(HEADER + PAYLOAD);
        }
    }

    public static class ProtectState extends Ring {
        SrtpSession sender;

        @Override
        void createSessions() {
            sender = SrtpSession.sender(key);
        }
    }

    public static class UnprotectState extends Ring {
        SrtpSession sender;
        SrtpSession receiver;
        final int[] protectedLength = new int[RING];

        @Override
        void createSessions() {
            sender = SrtpSession.sender(key);
            receiver = SrtpSession.receiver(key);
        }

        /** Protects the next batch for {@link #unprotect}: not timed. */
        @Setup(Level.Invocation)
        public void protectBatch() {
            for (int i = 0; i < RING; i++) {
                PacketBuffer p = slots[i];
                writeHeader(p);
                System.arraycopy(plain, 0, ring, p.offset() + HEADER, PAYLOAD);
                if (sender.protectRtp(p) != SrtpStatus.OK) {
                    throw new IllegalStateException("pre-protect failed");
                }
                protectedLength[i] = p.length();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RING)
    public int protect(ProtectState s) {
        long cpu0 = s.cpuNow();
        int sum = 0;
        for (int i = 0; i < RING; i++) {
            PacketBuffer p = s.slots[i];
            s.writeHeader(p);
            sum += s.sender.protectRtp(p).ordinal();
        }
        s.cpuNanos += s.cpuNow() - cpu0;
        s.packets += RING;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(RING)
    public int unprotect(UnprotectState s) {
        long cpu0 = s.cpuNow();
        int sum = 0;
        for (int i = 0; i < RING; i++) {
            PacketBuffer p = s.slots[i];
            p.setLength(s.protectedLength[i]);
            SrtpStatus status = s.receiver.unprotectRtp(p);
            if (status != SrtpStatus.OK) {
                throw new IllegalStateException("unprotect failed: " + status);
            }
            sum += p.length();
        }
        s.cpuNanos += s.cpuNow() - cpu0;
        s.packets += RING;
        return sum;
    }
}
