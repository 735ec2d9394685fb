package com.securetrunk.gateway.config;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Prometheus metrics and health/readiness over HTTP ({@code securetrunk.metrics}).
 *
 * @param enabled off by default
 * @param address listen address
 * @param port    HTTP port (0 = any free port)
 */
public record MetricsConfig(boolean enabled, InetAddress address, int port) {
    public MetricsConfig {
        Objects.requireNonNull(address, "address");
    }
}
