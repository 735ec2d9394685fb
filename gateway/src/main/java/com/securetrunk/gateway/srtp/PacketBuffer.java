package com.securetrunk.gateway.srtp;

/**
 * A reusable, mutable view of one packet in a byte array: the packet path's unit of work.
 *
 * <p>Protect and unprotect work in place on {@link #buffer()} and update {@link #length()}; protect needs
 * room behind the packet for the tag (and for SRTCP the 4-byte index). One instance per event loop (or per
 * leg) is reused for every packet, so nothing is allocated per packet. Not thread-safe.
 */
public final class PacketBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    public PacketBuffer(int capacity) {
        this.buffer = new byte[capacity];
    }

    public PacketBuffer(byte[] buffer, int offset, int length) {
        set(buffer, offset, length);
    }

    /** Points this view at {@code length} bytes of {@code buffer} starting at {@code offset}. */
    public PacketBuffer set(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + length " + length
                    + " outside buffer of " + buffer.length);
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** Bytes free behind the packet in the backing array. */
    public int tailRoom() {
        return buffer.length - offset - length;
    }

    public void setLength(int length) {
        if (length < 0 || offset + length > buffer.length) {
            throw new IndexOutOfBoundsException("length " + length + " outside buffer of " + buffer.length);
        }
        this.length = length;
    }
}
