package com.securetrunk.gateway.app.srtp;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): 24-byte
 * global header, then records of a 16-byte header and {@code incl_len} bytes. Both byte orders, micro- and
 * nanosecond magics. pcapng is recognised and refused with a hint, as is any other content.
 *
 * <pre>
 *   global: magic(4) version_major(2) version_minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4)
 *   record: ts_sec(4) ts_frac(4) incl_len(4) orig_len(4) data(incl_len)
 * </pre>
 */
public final class PcapReader implements Closeable {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int PCAPNG_MAGIC = 0x0a0d0d0a;
    /** Larger than any link's frame; a bigger incl_len means a damaged file, not a big packet. */
    static final int MAX_RECORD = 262_144;

    private final String name;
    private final InputStream in;
    private final boolean bigEndian;
    private final boolean nanos;
    private final int snapLength;
    private final int linkType;
    private long offset;
    private long recordNumber;

    private PcapReader(String name, InputStream in) throws IOException, PcapFormatException {
        this.name = name;
        this.in = in;
        byte[] header = new byte[24];
        int n = in.readNBytes(header, 0, 24);
        if (n >= 4 && be32(header, 0) == PCAPNG_MAGIC) {
            throw new PcapFormatException(name + ": is a pcapng file (expected: classic pcap; convert it with "
                    + "'editcap -F pcap IN OUT')");
        }
        if (n < 24) {
            throw new PcapFormatException(name + ": not a pcap file (" + n + " bytes; expected: a 24-byte pcap header)");
        }
        int magic = be32(header, 0);
        int swapped = Integer.reverseBytes(magic);
        if (magic == MAGIC_MICROS || magic == MAGIC_NANOS) {
            bigEndian = true;
            nanos = magic == MAGIC_NANOS;
        } else if (swapped == MAGIC_MICROS || swapped == MAGIC_NANOS) {
            bigEndian = false;
            nanos = swapped == MAGIC_NANOS;
        } else {
            throw new PcapFormatException(name + ": not a pcap file (magic 0x" + Integer.toHexString(magic)
                    + "; expected: a1b2c3d4 or a1b23c4d in either byte order)");
        }
        snapLength = int32(header, 16);
        linkType = int32(header, 20) & 0x0fff_ffff; // the upper bits may carry FCS flags
        offset = 24;
    }

    public static PcapReader open(Path file) throws IOException, PcapFormatException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new PcapReader(file.toString(), in);
        } catch (PcapFormatException | IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public int linkType() {
        return linkType;
    }

    public boolean nanosecondTimestamps() {
        return nanos;
    }

    public int snapLength() {
        return snapLength;
    }

    /** The next record, or null at the end of the file. */
    public PcapRecord next() throws IOException, PcapFormatException {
        byte[] h = new byte[16];
        int n = in.readNBytes(h, 0, 16);
        if (n == 0) {
            return null;
        }
        recordNumber++;
        if (n < 16) {
            throw new PcapFormatException(name + ": record " + recordNumber + " at byte " + offset
                    + " is truncated (" + n + " of 16 header bytes)");
        }
        int inclLen = int32(h, 8);
        int origLen = int32(h, 12);
        if (inclLen < 0 || inclLen > MAX_RECORD) {
            throw new PcapFormatException(name + ": record " + recordNumber + " at byte " + offset + " claims "
                    + Integer.toUnsignedString(inclLen) + " bytes (expected: at most " + MAX_RECORD + ")");
        }
        byte[] data = in.readNBytes(inclLen);
        if (data.length < inclLen) {
            throw new PcapFormatException(name + ": record " + recordNumber + " at byte " + offset
                    + " is truncated (header says " + inclLen + " bytes, " + data.length + " left)");
        }
        offset += 16 + inclLen;
        return new PcapRecord(int32(h, 0) & 0xffffffffL, int32(h, 4) & 0xffffffffL, Math.max(origLen, inclLen), data);
    }

    private int int32(byte[] b, int off) {
        int v = be32(b, off);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
