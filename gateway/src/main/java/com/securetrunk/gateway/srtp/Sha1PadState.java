package com.securetrunk.gateway.srtp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-1 digest that can be put back, without allocating, into the state it had after hashing one
 * 64-byte block: HMAC's key pads (RFC 2104), so each HMAC costs 4 SHA-1 compressions for an RTP packet
 * instead of 6. The JDK offers that only through {@code MessageDigest.clone()}, which allocates ~400
 * bytes per packet; this class copies the five chaining words into the JDK's own SHA-1
 * ({@code sun.security.provider.SHA}, whose compression HotSpot runs with SHA-NI) instead.
 *
 * <p>It needs {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} (the gateway jar's manifest
 * carries {@code Add-Opens}; surefire and the benchmarks pass the flag). Without it, or if a JDK changes
 * those internals, {@link #AVAILABLE} is false after a known-answer self-test (RFC 2202 test case 2) and
 * {@link HmacSha1} re-hashes the pads instead: correct, ~110 ns slower per packet on this machine.
 */
final class Sha1PadState {
    /** True when the JDK's SHA-1 internals are reachable and the self-test passed. */
    static final boolean AVAILABLE;

    private static final MethodHandle NEW_SHA;
    private static final MethodHandle UPDATE;
    private static final MethodHandle DIGEST;
    private static final VarHandle BYTES_PROCESSED;
    private static final VarHandle BUFFERED;
    private static final VarHandle STATE;

    static {
        MethodHandle newSha = null;
        MethodHandle update = null;
        MethodHandle digest = null;
        VarHandle bytes = null;
        VarHandle buffered = null;
        VarHandle state = null;
        try {
            Class<?> sha = Class.forName("sun.security.provider.SHA");
            Class<?> base = sha.getSuperclass();
            MethodHandles.Lookup shaLookup = MethodHandles.privateLookupIn(sha, MethodHandles.lookup());
            MethodHandles.Lookup baseLookup = MethodHandles.privateLookupIn(base, MethodHandles.lookup());
            newSha = shaLookup.findConstructor(sha, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            update = baseLookup.findVirtual(base, "engineUpdate",
                    MethodType.methodType(void.class, byte[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, int.class));
            digest = baseLookup.findVirtual(base, "engineDigest",
                    MethodType.methodType(int.class, byte[].class, int.class, int.class))
                    .asType(MethodType.methodType(int.class, Object.class, byte[].class, int.class, int.class));
            bytes = baseLookup.findVarHandle(base, "bytesProcessed", long.class);
            buffered = baseLookup.findVarHandle(base, "bufOfs", int.class);
            state = shaLookup.findVarHandle(sha, "state", int[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            newSha = null; // not opened to us (IllegalAccessException / InaccessibleObjectException) or changed
        }
        NEW_SHA = newSha;
        UPDATE = update;
        DIGEST = digest;
        BYTES_PROCESSED = bytes;
        BUFFERED = buffered;
        STATE = state;
        AVAILABLE = newSha != null && selfTest();
    }

    private final Object sha;
    private final int[] liveState;
    private final int[] savedState;

    /** A digest whose {@link #restore()} state is SHA-1 after hashing {@code block} (64 bytes). */
    Sha1PadState(byte[] block) {
        this(block, true);
    }

    private Sha1PadState(byte[] block, boolean requireAvailable) {
        if (requireAvailable && !AVAILABLE) {
            throw new IllegalStateException("SHA-1 pad states need --add-opens java.base/sun.security.provider");
        }
        if (block.length != 64) {
            throw new IllegalArgumentException("pad block is " + block.length + " bytes (expected: 64)");
        }
        try {
            sha = (Object) NEW_SHA.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create the JDK's SHA-1", t);
        }
        liveState = (int[]) STATE.get(sha);
        update(block, 0, 64);
        savedState = liveState.clone();
        restore();
    }

    /**
     * Back to "pad block hashed, nothing else": 5 chaining words copied, the byte count set to one block and
     * the partial-block buffer emptied (a finished digest leaves it non-empty and resets only lazily, on
     * the next use, which the byte count we set would skip). No compression, no allocation.
     */
    void restore() {
        System.arraycopy(savedState, 0, liveState, 0, 5);
        BUFFERED.set(sha, 0);
        BYTES_PROCESSED.set(sha, 64L);
    }

    void update(byte[] b, int off, int len) {
        try {
            UPDATE.invokeExact(sha, b, off, len);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Finishes into {@code out[off..off+20)}; the digest is then reset (call {@link #restore()} before reuse). */
    void digest(byte[] out, int off) {
        try {
            int n = (int) DIGEST.invokeExact(sha, out, off, 20);
            assert n == 20;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** HMAC-SHA1 of RFC 2202 section 3 test case 2 through pad states, against the published value. */
    private static boolean selfTest() {
        try {
            byte[] key = "Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] data = "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            Arrays.fill(ipad, (byte) 0x36);
            Arrays.fill(opad, (byte) 0x5c);
            for (int i = 0; i < key.length; i++) {
                ipad[i] ^= key[i];
                opad[i] ^= key[i];
            }
            Sha1PadState inner = new Sha1PadState(ipad, false);
            Sha1PadState outer = new Sha1PadState(opad, false);
            byte[] mac = new byte[20];
            for (int round = 0; round < 2; round++) { // twice: restore() must really rewind
                inner.restore();
                inner.update(data, 0, data.length);
                inner.digest(mac, 0);
                outer.restore();
                outer.update(mac, 0, 20);
                outer.digest(mac, 0);
                if (!MessageDigest.isEqual(mac, HexFormat.of().parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

}
