package com.securetrunk.gateway.config;

import com.securetrunk.profiles.Transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * SIP listening points ({@code securetrunk.sip}).
 *
 * @param legacy              the side facing the PBX
 * @param secure              the TLS side facing the secure domain
 * @param advertisedHost      host for Via/Contact/Record-Route; empty = the listening point's address
 * @param shutdownGracePeriod how long calls in progress may go on after SIGTERM before they get a BYE
 * @param timerT1             RFC 3261 T1 of the requests the gateway sends; Timer B/F = 64 * T1
 * @param inviteTimeout       how long a call may wait for the callee's final response (ringing included)
 */
public record SipConfig(Legacy legacy, Secure secure, java.util.Optional<String> advertisedHost,
                        Duration shutdownGracePeriod, Duration timerT1,
                        Duration inviteTimeout) {

    public SipConfig {
        Objects.requireNonNull(legacy, "legacy");
        Objects.requireNonNull(secure, "secure");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
        Objects.requireNonNull(timerT1, "timerT1");
        Objects.requireNonNull(inviteTimeout, "inviteTimeout");
    }

    /**
     * The legacy side ({@code securetrunk.sip.legacy}). A port of 0 means "any free port" (tests).
     *
     * @param listenAddresses literal IPv4/IPv6 addresses; never empty
     * @param transports      transports listened on; never empty
     * @param udpPort         UDP port (default 5060)
     * @param tcpPort         TCP port (default 5060)
     * @param tlsPort         TLS port, used when {@code transports} holds TLS (default 5061)
     */
    public record Legacy(List<InetAddress> listenAddresses, List<Transport> transports, int udpPort, int tcpPort,
                         int tlsPort) {
        public Legacy {
            listenAddresses = List.copyOf(listenAddresses);
            transports = List.copyOf(transports);
        }
    }

    /**
     * The secure side ({@code securetrunk.sip.secure}): TLS only.
     *
     * @param listenAddresses literal IPv4/IPv6 addresses; never empty
     * @param tlsPort         TLS port (default 5061); 0 = any free port (tests)
     */
    public record Secure(List<InetAddress> listenAddresses, int tlsPort) {
        public Secure {
            listenAddresses = List.copyOf(listenAddresses);
        }
    }
}
