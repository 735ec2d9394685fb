package com.securetrunk.gateway.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The IPv4 UDP datagrams of a libpcap capture (tcpdump -w on loopback: Ethernet link type, or Linux cooked). */
final class PcapUdp {
    record Datagram(int srcPort, int dstPort, byte[] payload) {
    }

    private PcapUdp() {
    }

    static List<Datagram> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Datagram> out = new ArrayList<>();
        if (b.remaining() < 24) {
            return out;
        }
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        ByteOrder order = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        b.order(order);
        int linkType = b.getInt(20);
        int linkHeader = switch (linkType) {
            case 1 -> 14;    // Ethernet (Linux lo)
            case 113 -> 16;  // Linux cooked (any)
            case 0 -> 4;     // BSD loopback
            default -> throw new IOException(file + ": link type " + linkType + " not handled");
        };
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int caplen = b.getInt(pos + 8);
            int start = pos + 16;
            pos = start + caplen;
            if (pos > b.limit() || caplen < linkHeader + 28) {
                break;
            }
            int ip = start + linkHeader;
            if ((b.get(ip) & 0xF0) != 0x40 || b.get(ip + 9) != 17) {
                continue;
            }
            int ihl = (b.get(ip) & 0x0F) * 4;
            int udp = ip + ihl;
            ByteBuffer be = b.duplicate().order(ByteOrder.BIG_ENDIAN);
            int src = be.getShort(udp) & 0xFFFF;
            int dst = be.getShort(udp + 2) & 0xFFFF;
            int len = (be.getShort(udp + 4) & 0xFFFF) - 8;
            int end = Math.min(udp + 8 + len, pos);
            out.add(new Datagram(src, dst, Arrays.copyOfRange(b.array(), udp + 8, end)));
        }
        return out;
    }
}
