package com.securetrunk.testpbx.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first {@value #MAX_SECONDS} seconds of decoded audio a stream received, in arrival order, so a
 * person can listen to what came through ({@link #writeWav}: 8 kHz, 16-bit, mono PCM). The buffer is
 * allocated on the first packet; appending does not allocate.
 */
public final class Recording {
    public static final int MAX_SECONDS = 30;
    private static final int CAPACITY = MAX_SECONDS * AudioCodec.CLOCK_RATE;

    private short[] samples;
    private int length;

    synchronized void append(AudioCodec codec, byte[] b, int off, int len) {
        if (samples == null) {
            samples = new short[CAPACITY];
        }
        int n = Math.min(len, CAPACITY - length);
        for (int i = 0; i < n; i++) {
            samples[length + i] = codec.decode(b[off + i]);
        }
        length += n;
    }

    /** Number of samples recorded (8000 per second). */
    public synchronized int length() {
        return length;
    }

    /** A copy of the recorded samples. */
    public synchronized short[] samples() {
        return samples == null ? new short[0] : java.util.Arrays.copyOf(samples, length);
    }

    /** Writes a RIFF/WAVE file (PCM, 8000 Hz, 16-bit, mono). */
    public void writeWav(Path file) throws IOException {
        short[] s = samples();
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * s.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(AudioCodec.CLOCK_RATE).putInt(AudioCodec.CLOCK_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * s.length);
        for (short v : s) {
            b.putShort(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }
}
