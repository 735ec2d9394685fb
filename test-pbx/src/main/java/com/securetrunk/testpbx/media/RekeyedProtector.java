package com.securetrunk.testpbx.media;

/**
 * The SRTP protection of a stream right after an SDES re-key (RFC 4568 section 7.1.4, a re-INVITE carrying a new
 * {@code a=crypto} key): sends under the new key at once, receives under the new key, and for a short while also
 * accepts packets under the previous receive key, because the far side switches when signalling reaches it and
 * its packets under the old key may still be on the way (as libsrtp-based UAs and Asterisk do: the old stream is
 * kept until the new one carries traffic).
 *
 * <p>The old key is given up after {@value #OVERLAP_PACKETS} packets (one second of 20 ms audio) received since
 * the switch under either key, so a far side that never switches shows as dropped packets soon. Only the receiver
 * thread calls {@link #unprotect}.
 */
public final class RekeyedProtector implements PacketProtector {
    static final int OVERLAP_PACKETS = 50;

    private final PacketProtector current;
    private PacketProtector previous;
    private int sinceSwitch;
    private long underOldKey;

    public RekeyedProtector(PacketProtector current, PacketProtector previous) {
        this.current = current;
        this.previous = previous;
    }

    @Override
    public int protect(byte[] buf, int len) {
        return current.protect(buf, len);
    }

    @Override
    public int unprotect(byte[] buf, int len) {
        PacketProtector old = previous;
        if (old == null) {
            return current.unprotect(buf, len);
        }
        if (++sinceSwitch > OVERLAP_PACKETS) {
            previous = null;
            return current.unprotect(buf, len);
        }
        // a failed SRTP check leaves the buffer as it was, so the old key can be tried on the same bytes
        int n = current.unprotect(buf, len);
        if (n >= 0) {
            return n;
        }
        n = old.unprotect(buf, len);
        if (n >= 0) {
            underOldKey++;
        }
        return n;
    }

    /** Packets accepted under the previous key since the switch (receiver thread's count). */
    public long acceptedUnderOldKey() {
        return underOldKey;
    }

    @Override
    public String describe() {
        return current.describe();
    }

    @Override
    public String toString() {
        return "RekeyedProtector[" + current + "]";
    }
}
