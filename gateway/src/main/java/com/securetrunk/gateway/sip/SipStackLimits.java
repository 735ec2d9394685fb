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

    /** 64 KiB messages, 1024 connections, 10,000 transactions each way, 8 threads, 5 s handshake and connect timeouts. */
    public static SipStackLimits defaults() {
        return new SipStackLimits(65_536, 1024, 10_000, 10_000, 8, 5_000, 5_000);
    }

    public SipStackLimits withMaxMessageSize(int bytes) {
        return new SipStackLimits(bytes, maxConnections, maxServerTransactions, maxClientTransactions, threadPoolSize,
                sslHandshakeTimeoutMs, connectTimeoutMs);
    }

    private static void require(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
    }
}
