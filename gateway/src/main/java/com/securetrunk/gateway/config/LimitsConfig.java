package com.securetrunk.gateway.config;

/**
 * Overload and abuse limits ({@code securetrunk.limits}).
 *
 * @param maxConcurrentCalls  beyond this many calls in progress new INVITEs get 503
 * @param maxSipMessageSize   largest SIP message accepted, in bytes (413 or dropped beyond)
 * @param inviteRatePerSource INVITEs per second accepted from one source address (503 beyond)
 * @param tlsHandshakeTimeout a TLS peer still handshaking after this long is disconnected
 */
public record LimitsConfig(int maxConcurrentCalls, int maxSipMessageSize, int inviteRatePerSource,
                           java.time.Duration tlsHandshakeTimeout) {
    public LimitsConfig {
        java.util.Objects.requireNonNull(tlsHandshakeTimeout, "tlsHandshakeTimeout");
    }
}
