package com.securetrunk.gateway.app.srtp;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a classic little-endian pcap file with the given link type and timestamp precision. */
public final class PcapWriter implements Closeable {
    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);

    public PcapWriter(Path file, int linkType, boolean nanosecondTimestamps, int snapLength) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        header.putInt(nanosecondTimestamps ? PcapReader.MAGIC_NANOS : PcapReader.MAGIC_MICROS)
                .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(Math.max(snapLength, 65535)).putInt(linkType);
        out.write(header.array());
    }

    public void write(PcapRecord r) throws IOException {
        header.clear();
        header.putInt((int) r.seconds()).putInt((int) r.fraction()).putInt(r.data().length)
                .putInt(r.originalLength());
        out.write(header.array(), 0, 16);
        out.write(r.data());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
