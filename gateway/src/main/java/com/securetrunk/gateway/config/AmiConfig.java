package com.securetrunk.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Asterisk Manager Interface connection ({@code securetrunk.ami}); optional.
 *
 * @param enabled           off by default; when on, username is non-empty
 * @param host              AMI host
 * @param port              AMI port (default 5038)
 * @param username          AMI user
 * @param secret            AMI secret, redacted in {@code toString}
 * @param provisionTrunk    create/update the PBX's trunk toward the gateway through AMI
 * @param reconnectMinDelay first reconnect wait
 * @param reconnectMaxDelay longest reconnect wait; not below the first
 */
public record AmiConfig(boolean enabled, String host, int port, String username, Secret secret, boolean provisionTrunk,
                        Duration reconnectMinDelay, Duration reconnectMaxDelay) {
    public AmiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(reconnectMinDelay, "reconnectMinDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
    }
}
