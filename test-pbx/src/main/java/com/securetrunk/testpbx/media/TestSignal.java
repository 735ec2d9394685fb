package com.securetrunk.testpbx.media;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A known, checkable audio signal: seeded pseudo-random noise (amplitude +-8000) that repeats every
 * {@link #PERIOD_FRAMES} frames of 20 ms. Sample {@code i} of the stream is {@code sample(i)}; frame
 * {@code n} starts at sample {@code 160 * n}. Because every frame is random, the first bytes of a frame
 * identify it, which lets a receiver find where in the signal a stream starts even if a relay rebased
 * the RTP sequence numbers and timestamps.
 *
 * <p>Two well-known seeds exist so that a stream reflected back to its sender is not mistaken for the far
 * side's audio: the caller sends {@link #CALLER} and the callee sends {@link #CALLEE}.
 */
public final class TestSignal {
    public static final long CALLER_SEED = 0x5EC0_7E57_0000_0001L;
    public static final long CALLEE_SEED = 0x5EC0_7E57_0000_0002L;
    /** 3000 frames of 20 ms = 60 s. */
    public static final int PERIOD_FRAMES = 3000;
    public static final int PERIOD_SAMPLES = PERIOD_FRAMES * AudioCodec.SAMPLES_PER_FRAME;

    private static final ConcurrentMap<Long, TestSignal> CACHE = new ConcurrentHashMap<>();

    public static final TestSignal CALLER = of(CALLER_SEED);
    public static final TestSignal CALLEE = of(CALLEE_SEED);

    private final long seed;
    private final short[] samples = new short[PERIOD_SAMPLES];
    /** Per codec: the samples after a G.711 encode/decode round trip (what a faithful receiver gets). */
    private final short[][] decodedAfterCodec = new short[AudioCodec.values().length][];
    private final byte[][] encoded = new byte[AudioCodec.values().length][];
    private final FrameIndex[] frameIndex = new FrameIndex[AudioCodec.values().length];

    private TestSignal(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (random.nextInt(16001) - 8000);
        }
        for (AudioCodec codec : AudioCodec.values()) {
            byte[] enc = new byte[PERIOD_SAMPLES];
            short[] dec = new short[PERIOD_SAMPLES];
            for (int i = 0; i < PERIOD_SAMPLES; i++) {
                enc[i] = codec.encode(samples[i]);
                dec[i] = codec.decode(enc[i]);
            }
            encoded[codec.ordinal()] = enc;
            decodedAfterCodec[codec.ordinal()] = dec;
            frameIndex[codec.ordinal()] = new FrameIndex(enc);
        }
    }

    public static TestSignal of(long seed) {
        return CACHE.computeIfAbsent(seed, TestSignal::new);
    }

    public long seed() {
        return seed;
    }

    /** Linear sample at absolute stream position {@code index} (wraps every period). */
    public short sample(long index) {
        return samples[(int) Math.floorMod(index, (long) PERIOD_SAMPLES)];
    }

    /** Encoded byte at absolute stream position {@code index} for {@code codec}. */
    public byte encoded(AudioCodec codec, long index) {
        return encoded[codec.ordinal()][(int) Math.floorMod(index, (long) PERIOD_SAMPLES)];
    }

    /** The value a faithful receiver decodes at position {@code index}. */
    public short expectedDecoded(AudioCodec codec, long index) {
        return decodedAfterCodec[codec.ordinal()][(int) Math.floorMod(index, (long) PERIOD_SAMPLES)];
    }

    /** Copies the 160 encoded bytes of frame {@code frame} into {@code out} at {@code off}. */
    public void encodeFrame(AudioCodec codec, long frame, byte[] out, int off) {
        int start = (int) Math.floorMod(frame, (long) PERIOD_FRAMES) * AudioCodec.SAMPLES_PER_FRAME;
        System.arraycopy(encoded[codec.ordinal()], start, out, off, AudioCodec.SAMPLES_PER_FRAME);
    }

    /**
     * Finds which frame of the period starts with the 8 bytes at {@code buf[off..off+8)}, or -1. Used to
     * anchor a received stream.
     */
    public int findFrame(AudioCodec codec, byte[] buf, int off, int len) {
        if (len < 8) {
            return -1;
        }
        return frameIndex[codec.ordinal()].find(buf, off);
    }

    /** Open-addressing table: 8-byte frame prefix to frame number. Built once per seed and codec. */
    private static final class FrameIndex {
        private final long[] keys;
        private final int[] frames;
        private final int mask;

        FrameIndex(byte[] enc) {
            int size = Integer.highestOneBit(PERIOD_FRAMES * 4);
            keys = new long[size];
            frames = new int[size];
            mask = size - 1;
            java.util.Arrays.fill(frames, -1);
            for (int f = 0; f < PERIOD_FRAMES; f++) {
                long key = prefix(enc, f * AudioCodec.SAMPLES_PER_FRAME);
                int slot = slot(key);
                while (frames[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                frames[slot] = f;
            }
        }

        int find(byte[] buf, int off) {
            long key = prefix(buf, off);
            int slot = slot(key);
            while (frames[slot] != -1) {
                if (keys[slot] == key) {
                    return frames[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private static long prefix(byte[] b, int off) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[off + i] & 0xFF);
            }
            return v;
        }
    }
}
