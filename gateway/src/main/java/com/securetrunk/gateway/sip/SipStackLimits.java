package com.securetrunk.gateway.sip;

/**
 * Limits handed to JAIN-SIP RI, all from configuration.
 *
 * @param maxMessageSize        largest SIP message accepted on TCP/TLS, bytes ({@code MAX_MESSAGE_SIZE}; JAIN-SIP's floor is 4096)
 * @param maxConnections        concurrent TCP/TLS connections ({@code MAX_CONNECTIONS}); OIO runs one thread per connection
 * @param maxServerTransactions {@code MAX_SERVER_TRANSACTIONS}
 * @param maxClientTransactions {@code MAX_CLIENT_TRANSACTIONS}
 * @param threadPoolSize        message-processing threads ({@code THREAD_POOL_SIZE})
 * @param sslHandshakeTimeoutMs a TLS handshake that stalls longer is abandoned ({@code SSL_HANDSHAKE_TIMEOUT})
 * @param connectTimeoutMs      TCP connect timeout for outbound TLS
 */
public record SipStackLimits(int maxMessageSize, int maxConnections, int maxServerTransactions, int maxClientTransactions,
                             int threadPoolSize, int sslHandshakeTimeoutMs, int connectTimeoutMs) {
    /** JAIN-SIP RI refuses smaller values. */
    public static final int MIN_MESSAGE_SIZE = 4096;

    public SipStackLimits {
        require("maxMessageSize", maxMessageSize, MIN_MESSAGE_SIZE);
        require("maxConnections", maxConnections, 1);
        require("maxServerTransactions", maxServerTransactions, 1);
        require("maxClientTransactions", maxClientTransactions, 1);
        require("threadPoolSize", threadPoolSize, 1);
        require("sslHandshakeTimeoutMs", sslHandshakeTimeoutMs, 1);
        require("connectTimeoutMs", connectTimeoutMs, 1);
    }

    /**
     * Transactions per table ({@code MAX_SERVER_TRANSACTIONS}, {@code MAX_CLIENT_TRANSACTIONS}). Not an admission
     * limit: past 80 % of it JAIN-SIP RI 1.3.0-91 drops new requests <em>silently</em> and at random (every one at
     * 100 %, {@code SIPTransactionStack.createServerTransaction}), and past it a thread creating a client transaction
     * blocks until one ends. A dropped INVITE comes back as the caller's retransmission 500 ms later, which adds load
     * exactly when the gateway is busiest. Calls are refused visibly (503 + Warning) by the B2BUA's own limits
     * ({@code limits.max-concurrent-calls}, {@code limits.invite-rate-per-source}); this only bounds memory (a few KB
     * per transaction), far above what a two-core gateway reaches (10,000 was within reach of a few hundred calls/s,
     * as finished transactions stay in the table for their retransmission timers).
     */
    public static final int MAX_TRANSACTIONS = 100_000;

    /**
     * 64 KiB messages, 1024 connections, {@value #MAX_TRANSACTIONS} transactions each way, 8 threads, 5 s handshake
     * and connect timeouts.
     */
    public static SipStackLimits defaults() {
        return new SipStackLimits(65_536, 1024, MAX_TRANSACTIONS, MAX_TRANSACTIONS, 8, 5_000, 5_000);
    }

    /**
     * From {@code securetrunk.limits}: {@code max-sip-message-size} and {@code tls-handshake-timeout}; the rest keep
     * {@link #defaults()}.
     */
    public static SipStackLimits fromConfig(com.securetrunk.gateway.config.LimitsConfig limits) {
        long handshakeMs = limits.tlsHandshakeTimeout().toMillis();
        if (handshakeMs < 1 || handshakeMs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("securetrunk.limits.tls-handshake-timeout: " + limits.tlsHandshakeTimeout()
                    + " (expected: between 1 ms and 24 days)");
        }
        if (limits.maxSipMessageSize() < MIN_MESSAGE_SIZE) {
            throw new IllegalArgumentException("securetrunk.limits.max-sip-message-size: " + limits.maxSipMessageSize()
                    + " (expected: >= " + MIN_MESSAGE_SIZE + ", JAIN-SIP RI's minimum)");
        }
        return defaults().withMaxMessageSize(limits.maxSipMessageSize()).withSslHandshakeTimeoutMs((int) handshakeMs);
    }

    public SipStackLimits withMaxMessageSize(int bytes) {
        return new SipStackLimits(bytes, maxConnections, maxServerTransactions, maxClientTransactions, threadPoolSize,
                sslHandshakeTimeoutMs, connectTimeoutMs);
    }

    public SipStackLimits withSslHandshakeTimeoutMs(int ms) {
        return new SipStackLimits(maxMessageSize, maxConnections, maxServerTransactions, maxClientTransactions, threadPoolSize,
                ms, connectTimeoutMs);
    }

    private static void require(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
    }
}
