package com.securetrunk.gateway.sdp.negotiation;

import java.util.Objects;

/**
 * Where the media relay listens on one side: the address written into {@code c=} and {@code o=}, and the RTP
 * port of each media section (RTCP on the next port, RFC 3550 section 11). Ports are {@code firstPort + 2*i}
 * for the i-th media section, the layout the relay's port pool hands out per call.
 */
public record Relay(String address, int firstPort) {

    public Relay {
        Objects.requireNonNull(address, "address");
        if (firstPort < 1 || firstPort > 65534 || (firstPort & 1) != 0) {
            throw new IllegalArgumentException("relay first port " + firstPort + " (expected: an even port 2-65534)");
        }
    }

    public int rtpPort(int mediaIndex) {
        return firstPort + 2 * mediaIndex;
    }

    public int rtcpPort(int mediaIndex) {
        return rtpPort(mediaIndex) + 1;
    }
}
