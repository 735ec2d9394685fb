package com.securetrunk.gateway.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian (network order) reads and writes on byte arrays, and the word-wise XOR used by the ciphers. */
final class Bytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** For XOR the byte order does not matter: the machine's own order saves the byte swaps. */
    private static final VarHandle NATIVE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.nativeOrder());

    private Bytes() {
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static int int32(byte[] b, int off) {
        return (int) INT.get(b, off);
    }

    static void putInt32(byte[] b, int off, int v) {
        INT.set(b, off, v);
    }

    static long int64(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    static void putInt64(byte[] b, int off, long v) {
        LONG.set(b, off, v);
    }

    /** {@code dst[dstOff..+len) ^= src[srcOff..+len)}, eight bytes at a time. */
    static void xor(byte[] dst, int dstOff, byte[] src, int srcOff, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            NATIVE_LONG.set(dst, dstOff + i, (long) NATIVE_LONG.get(dst, dstOff + i)
                    ^ (long) NATIVE_LONG.get(src, srcOff + i));
        }
        for (; i < len; i++) {
            dst[dstOff + i] ^= src[srcOff + i];
        }
    }

    /** Compares in time that depends only on {@code len}, never on where the first difference is. */
    static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
