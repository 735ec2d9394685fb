package com.securetrunk.gateway.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A known audio signal for the peers to send, and the checks of what a peer recorded: G.711 mu-law (ITU-T G.711)
 * 8 kHz mono in 20 ms frames of 160 samples, written as an RTP pcap for SIPp's {@code play_pcap_audio} and as a
 * 16-bit PCM WAV for baresip's {@code aufile} source.
 *
 * <p>The signal is a rising chirp plus seeded noise, so every 20 ms frame differs from every other and a frame found
 * in a recording, sample for sample, can only have come from this signal.
 */
final class TestAudio {
    static final int RATE = 8000;
    static final int FRAME = 160;

    private TestAudio() {
    }

    /** {@code frames} frames of mu-law bytes of the test signal. */
    static byte[] ulawSignal(int frames, long seed) {
        Random r = new Random(seed);
        int n = frames * FRAME;
        byte[] out = new byte[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = 300 + 1500.0 * i / n;
            phase += 2 * Math.PI * f / RATE;
            int s = (int) (8000 * Math.sin(phase)) + r.nextInt(1001) - 500;
            out[i] = linearToUlaw(s);
        }
        return out;
    }

    static byte linearToUlaw(int sample) {
        final int bias = 0x84;
        final int clip = 32635;
        int sign = sample < 0 ? 0x80 : 0;
        int s = Math.min(Math.abs(sample), clip) + bias;
        int exp = 7;
        for (int mask = 0x4000; exp > 0 && (s & mask) == 0; mask >>= 1) {
            exp--;
        }
        int mant = (s >> (exp + 3)) & 0x0F;
        return (byte) ~(sign | (exp << 4) | mant);
    }

    static short ulawToLinear(byte b) {
        int u = ~b & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    static short[] decode(byte[] ulaw) {
        short[] out = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) {
            out[i] = ulawToLinear(ulaw[i]);
        }
        return out;
    }

    /** An RTP (PT 0) stream of {@code ulaw} in 20 ms packets as a libpcap file (Ethernet/IPv4/UDP), for SIPp. */
    static void writeRtpPcap(Path file, byte[] ulaw) throws IOException {
        int packets = ulaw.length / FRAME;
        ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + 14 + 20 + 8 + 12 + FRAME));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1);
        for (int k = 0; k < packets; k++) {
            int rtpLen = 12 + FRAME;
            int udpLen = 8 + rtpLen;
            int ipLen = 20 + udpLen;
            long micros = k * 20_000L;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(14 + ipLen).putInt(14 + ipLen);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[12]).putShort((short) 0x0800);
            b.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putInt(0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            b.putShort((short) 6000).putShort((short) 6000).putShort((short) udpLen).putShort((short) 0);
            b.put((byte) 0x80).put((byte) (k == 0 ? 0x80 : 0)).putShort((short) k).putInt(k * FRAME).putInt(0x5ec7e57);
            b.put(ulaw, k * FRAME, FRAME);
        }
        Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
    }

    /** 16-bit little-endian mono PCM WAV. */
    static void writeWav(Path file, short[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        Files.write(file, b.array());
    }

    /** The samples of a 16-bit PCM WAV (chunks walked; the data chunk's size may be 0 if the writer never fixed it). */
    static short[] readWav(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(file + ": not a RIFF/WAVE file");
        }
        int pos = 12;
        int bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                bits = b.getShort(pos + 8 + 14);
            } else if (id == 0x61746164) { // "data"
                if (bits != 16) {
                    throw new IOException(file + ": expected 16-bit PCM, found " + bits + " bits per sample");
                }
                int end = size <= 0 || pos + 8 + size > b.limit() ? b.limit() : pos + 8 + size;
                short[] out = new short[(end - pos - 8) / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort(pos + 8 + 2 * i);
                }
                return out;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(file + ": no data chunk");
    }

    /**
     * How many of the {@code sent} frames (mu-law) appear in {@code recorded} (linear PCM) exactly, sample for sample,
     * at any position: the recording is searched for each frame's decoded 160 samples.
     */
    static int framesFoundExactly(byte[] sent, short[] recorded) {
        short[] pcm = decode(sent);
        int frames = sent.length / FRAME;
        Map<Long, Integer> firstSamples = new HashMap<>();
        for (int k = 0; k < frames; k++) {
            firstSamples.putIfAbsent(key(pcm, k * FRAME), k);
        }
        boolean[] found = new boolean[frames];
        for (int i = 0; i + FRAME <= recorded.length; i++) {
            Integer k = firstSamples.get(key(recorded, i));
            if (k != null && !found[k] && java.util.Arrays.equals(pcm, k * FRAME, (k + 1) * FRAME, recorded, i, i + FRAME)) {
                found[k] = true;
            }
        }
        int n = 0;
        for (boolean f : found) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static long key(short[] s, int at) {
        return ((long) (s[at] & 0xFFFF) << 48) | ((long) (s[at + 1] & 0xFFFF) << 32) | ((long) (s[at + 2] & 0xFFFF) << 16)
                | (s[at + 3] & 0xFFFF);
    }

    /** True when some 16-byte run of {@code needle}'s frames occurs in {@code hay} (plain payload visible on the wire). */
    static boolean containsAnyRun(byte[] hay, byte[] signal, int runLength) {
        Map<String, Boolean> runs = new HashMap<>();
        for (int k = 0; k + runLength <= signal.length; k += FRAME) {
            runs.put(new String(signal, k, runLength, java.nio.charset.StandardCharsets.ISO_8859_1), Boolean.TRUE);
        }
        String h = new String(hay, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + runLength <= h.length(); i++) {
            if (runs.containsKey(h.substring(i, i + runLength))) {
                return true;
            }
        }
        return false;
    }
}
