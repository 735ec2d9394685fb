package com.securetrunk.gateway.app.srtp;

/**
 * Where the UDP payload sits in a captured frame, for the two link types the tool reads, and how to
 * rewrite the frame when the payload changes length (SRTP adds or removes the tag).
 *
 * <pre>
 *   linktype 1 (Ethernet):       dst(6) src(6) [802.1Q tag(4)]* ethertype(2)      | IPv4 | UDP | payload
 *   linktype 113 (Linux cooked): type(2) arphrd(2) addrlen(2) addr(8) protocol(2) | IPv4 | UDP | payload
 *   IPv4 (RFC 791): ver/IHL(1) tos(1) total_length(2) id(2) flags/frag(2) ttl(1) proto=17(1) checksum(2) src dst
 *   UDP (RFC 768):  src_port(2) dst_port(2) length(2) checksum(2)
 * </pre>
 * IPv6 and IPv4 fragments are not media the tool can transform; they are copied unchanged.
 */
record UdpFrame(int ipOffset, int udpOffset, int payloadOffset, int payloadLength, int sourcePort, int destinationPort) {
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_LINUX_SLL = 113;

    /** The UDP/IPv4 layout of {@code frame}, or null if it is something else. */
    static UdpFrame parse(int linkType, byte[] frame) {
        int ip;
        int etherType;
        if (linkType == LINKTYPE_ETHERNET) {
            int pos = 12;
            if (frame.length < pos + 2) {
                return null;
            }
            etherType = u16(frame, pos);
            while ((etherType == 0x8100 || etherType == 0x88a8) && frame.length >= pos + 6) {
                pos += 4;
                etherType = u16(frame, pos);
            }
            ip = pos + 2;
        } else if (linkType == LINKTYPE_LINUX_SLL) {
            if (frame.length < 16) {
                return null;
            }
            etherType = u16(frame, 14);
            ip = 16;
        } else {
            return null;
        }
        if (etherType != 0x0800 || frame.length < ip + 20 || (frame[ip] & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (frame[ip] & 0x0f) * 4;
        int totalLength = u16(frame, ip + 2);
        boolean fragment = (u16(frame, ip + 6) & 0x3fff) != 0; // MF flag or a fragment offset
        if (ihl < 20 || frame[ip + 9] != 17 || fragment || totalLength < ihl + 8 || frame.length < ip + totalLength) {
            return null;
        }
        int udp = ip + ihl;
        int udpLength = u16(frame, udp + 4);
        if (udpLength < 8 || udpLength > totalLength - ihl) {
            return null;
        }
        return new UdpFrame(ip, udp, udp + 8, udpLength - 8, u16(frame, udp), u16(frame, udp + 2));
    }

    /**
     * A copy of {@code frame} whose UDP payload is {@code payload[0..length)}, with the IPv4 total length,
     * header checksum and UDP length fixed; the UDP checksum is set to 0 ("not computed", allowed for IPv4).
     * Bytes after the IP packet (Ethernet padding) are dropped.
     */
    byte[] withPayload(byte[] frame, byte[] payload, int length) {
        byte[] out = new byte[payloadOffset + length];
        System.arraycopy(frame, 0, out, 0, payloadOffset);
        System.arraycopy(payload, 0, out, payloadOffset, length);
        put16(out, ipOffset + 2, payloadOffset - ipOffset + length);
        put16(out, ipOffset + 10, 0);
        int ihl = udpOffset - ipOffset;
        long sum = 0;
        for (int i = 0; i < ihl; i += 2) {
            sum += u16(out, ipOffset + i);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        put16(out, ipOffset + 10, (int) ~sum & 0xffff);
        put16(out, udpOffset + 4, 8 + length);
        put16(out, udpOffset + 6, 0);
        return out;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
