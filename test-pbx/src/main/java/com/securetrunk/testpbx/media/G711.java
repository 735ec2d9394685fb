package com.securetrunk.testpbx.media;

/**
 * ITU-T G.711 mu-law and A-law companding, written from the recommendation's segment tables
 * (the classic Sun reference formulation). Encoding uses the 14/13-bit magnitude of a 16-bit
 * linear sample; decoding uses 256-entry tables built once.
 */
public final class G711 {
    private static final int BIAS = 0x84;
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = ulawToLinearSlow((byte) i);
            ALAW_DECODE[i] = alawToLinearSlow((byte) i);
        }
    }

    private G711() {
    }

    private static final int[] SEG_UEND = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] SEG_AEND = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    /** Encodes one 16-bit linear sample to mu-law (PCMU, RTP payload type 0). */
    public static byte linearToUlaw(int sample) {
        int value = sample >> 2;
        int mask;
        if (value < 0) {
            value = -value;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        if (value > 8159) {
            value = 8159;
        }
        value += BIAS >> 2;
        int seg = segment(value, SEG_UEND);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        return (byte) (((seg << 4) | ((value >> (seg + 1)) & 0x0F)) ^ mask);
    }

    /** Encodes one 16-bit linear sample to A-law (PCMA, RTP payload type 8). */
    public static byte linearToAlaw(int sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int seg = segment(value, SEG_AEND);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (value >> 1) & 0x0F : (value >> seg) & 0x0F;
        return (byte) (aval ^ mask);
    }

    private static int segment(int value, int[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }

    public static short ulawToLinear(byte b) {
        return ULAW_DECODE[b & 0xFF];
    }

    public static short alawToLinear(byte b) {
        return ALAW_DECODE[b & 0xFF];
    }

    private static short ulawToLinearSlow(byte b) {
        int u = ~b & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = ((mantissa << 3) + BIAS) << exponent;
        sample -= BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }

    private static short alawToLinearSlow(byte b) {
        int a = (b ^ 0x55) & 0xFF;
        int sign = a & 0x80;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int sample;
        if (exponent == 0) {
            sample = (mantissa << 4) + 8;
        } else {
            sample = ((mantissa << 4) + 0x108) << (exponent - 1);
        }
        return (short) (sign != 0 ? sample : -sample);
    }
}
