package com.securetrunk.gateway.config;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 CIDR block (RFC 4632 / RFC 4291 section 2.3), e.g. {@code 192.0.2.0/24}; a single address is a
 * block of one ({@code /32} or {@code /128}).
 *
 * @param network      the first address of the block (host bits zero)
 * @param prefixLength number of leading bits that must match
 */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + bits);
        }
        byte[] b = network.getAddress();
        for (int i = prefixLength; i < bits; i++) {
            if ((b[i / 8] & (0x80 >>> (i % 8))) != 0) {
                throw new IllegalArgumentException("host bits set in " + network.getHostAddress() + "/" + prefixLength);
            }
        }
    }

    /**
     * Parses {@code address} or {@code address/prefix}; literal addresses only (never a DNS lookup).
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? t : t.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            prefix = Integer.parseInt(p);
        }
        return new AddressRange(address, prefix);
    }

    /** True when {@code address} (of the same family) lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        for (int i = 0; i < prefixLength; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
