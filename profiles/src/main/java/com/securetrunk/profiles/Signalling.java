package com.securetrunk.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a peer speaks SIP: read by the SIP edge (transports, port, keep-alive, quirks) and the TLS edge ({@link #tls()}).
 *
 * @param transports        the transports this peer speaks, preferred first ({@code signalling.transports}); never empty
 * @param defaultPort       port used toward this peer when a target names none ({@code signalling.default-port});
 *                          5061 for TLS peers, 5060 otherwise
 * @param tls               TLS versions and certificate checks ({@code signalling.tls})
 * @param keepAliveInterval interval between OPTIONS keep-alives sent to this peer; {@link Duration#ZERO} = none
 *                          ({@code signalling.keep-alive-interval})
 * @param quirks            SIP-level adaptations ({@code signalling.quirks})
 */
public record Signalling(List<Transport> transports, int defaultPort, TlsSettings tls, Duration keepAliveInterval,
                         SipQuirks quirks) {
    public Signalling {
        transports = List.copyOf(transports);
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("transports must not be empty");
        }
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort out of range: " + defaultPort);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval is negative");
        }
        Objects.requireNonNull(quirks, "quirks");
    }

    /** True when this peer speaks {@code transport}. */
    public boolean speaks(Transport transport) {
        return transports.contains(transport);
    }

    /** The transport to use when nothing else decides: the first listed. */
    public Transport preferredTransport() {
        return transports.get(0);
    }
}
