package com.securetrunk.gateway.tls;

/**
 * Hears of TLS handshakes (for metrics): once per connection, never per record. Must be quick and thread-safe.
 */
public interface TlsHandshakeObserver {
    /** A handshake completed; {@code protocol} as JSSE names it (e.g. {@code TLSv1.3}). */
    void completed(boolean inbound, String protocol);

    /**
     * A handshake failed; {@code reason} is a {@link CertificateRefusal.Reason} in lower case with dashes
     * ({@code expired}, {@code unknown-ca}, {@code wildcard-refused}, ...) or {@code handshake-error}.
     */
    void failed(boolean inbound, String reason);

    TlsHandshakeObserver NONE = new TlsHandshakeObserver() {
        @Override
        public void completed(boolean inbound, String protocol) {
        }

        @Override
        public void failed(boolean inbound, String reason) {
        }
    };

    /** The reason label for {@code failure}: the refusal kind when our trust manager refused, else handshake-error. */
    static String reasonOf(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof CertificateRefusal r) {
                return r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }
        return "handshake-error";
    }
}
