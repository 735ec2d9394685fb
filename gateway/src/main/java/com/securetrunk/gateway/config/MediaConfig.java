package com.securetrunk.gateway.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The media relay ({@code securetrunk.media}).
 *
 * @param bindAddress       address the relay's sockets bind to
 * @param advertisedAddress address written into SDP, when it differs from the bind address (NAT)
 * @param portMin           lowest UDP port of the pool (inclusive)
 * @param portMax           highest UDP port of the pool (inclusive); at least portMin + 1
 * @param portQuarantine    how long a released port rests before reuse
 * @param inactivityTimeout no media in either direction for this long ends the call (default 60 s)
 * @param eventLoops        packet threads; 0 = one per CPU core
 * @param nativeTransport   use native epoll where available, else NIO
 * @param ngControl         the rtpengine-compatible ng control listener
 */
public record MediaConfig(InetAddress bindAddress, Optional<InetAddress> advertisedAddress, int portMin, int portMax,
                          Duration portQuarantine, Duration inactivityTimeout, int eventLoops,
                          boolean nativeTransport, NgControl ngControl) {

    public MediaConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        Objects.requireNonNull(portQuarantine, "portQuarantine");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(ngControl, "ngControl");
        if (portMin > portMax) {
            throw new IllegalArgumentException("port-min above port-max");
        }
    }

    /**
     * rtpengine "ng" control protocol listener ({@code securetrunk.media.ng-control}).
     *
     * @param enabled off by default
     * @param address listen address
     * @param port    UDP port
     */
    public record NgControl(boolean enabled, InetAddress address, int port) {
        public NgControl {
            Objects.requireNonNull(address, "address");
        }
    }
}
