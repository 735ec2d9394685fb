package com.securetrunk.ami;

import com.securetrunk.ami.connection.Backoff;
import com.securetrunk.ami.provision.TrunkSpec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the bridge needs. The bridge is optional: the gateway builds this only when its config has an
 * {@code ami} block.
 *
 * @param host              AMI host (manager.conf {@code bindaddr})
 * @param port              AMI port (5038 by default)
 * @param username          manager.conf user
 * @param secret            its secret (never logged)
 * @param configuredDriver  the trunk driver, when the operator fixed it; otherwise the discovered one is used
 * @param configuredProfile the profile the operator configured, compared with the discovered one
 * @param trunk             the trunk to provision; empty: discovery and events only, no provisioning
 * @param actionTimeout     how long to wait for an answer to one action (and for the TCP connect)
 * @param pingInterval      how often to Ping a quiet connection, to notice a dead peer without a TCP reset
 * @param backoff           reconnect delays
 */
public record AmiSettings(String host, int port, String username, Secret secret,
                          Optional<ChannelDriver> configuredDriver, Optional<String> configuredProfile,
                          Optional<TrunkSpec> trunk, Duration actionTimeout, Duration pingInterval, Backoff backoff) {

    public static final int DEFAULT_PORT = 5038;

    public AmiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("ami.host: expected a host name or address, found none");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ami.port: expected 1..65535, found " + port);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("ami.username: expected the manager.conf user, found none");
        }
        Objects.requireNonNull(secret, "ami.secret");
        Objects.requireNonNull(configuredDriver, "configuredDriver");
        Objects.requireNonNull(configuredProfile, "configuredProfile");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(backoff, "backoff");
        if (actionTimeout.isNegative() || actionTimeout.isZero()) {
            throw new IllegalArgumentException("ami.action-timeout: expected > 0, found " + actionTimeout);
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("ami.ping-interval: expected > 0, found " + pingInterval);
        }
    }

    /** Defaults: port 5038, 5 s action timeout, Ping every 20 s, {@link Backoff#DEFAULT}, no provisioning. */
    public static AmiSettings of(String host, int port, String username, Secret secret) {
        return new AmiSettings(host, port, username, secret, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(20), Backoff.DEFAULT);
    }

    public AmiSettings withTrunk(TrunkSpec t) {
        return new AmiSettings(host, port, username, secret, configuredDriver, configuredProfile, Optional.of(t),
                actionTimeout, pingInterval, backoff);
    }

    public AmiSettings withConfiguredDriver(ChannelDriver d) {
        return new AmiSettings(host, port, username, secret, Optional.of(d), configuredProfile, trunk,
                actionTimeout, pingInterval, backoff);
    }

    public AmiSettings withConfiguredProfile(String p) {
        return new AmiSettings(host, port, username, secret, configuredDriver, Optional.of(p), trunk,
                actionTimeout, pingInterval, backoff);
    }

    public AmiSettings withBackoff(Backoff b) {
        return new AmiSettings(host, port, username, secret, configuredDriver, configuredProfile, trunk,
                actionTimeout, pingInterval, b);
    }

    public AmiSettings withTimeouts(Duration action, Duration ping) {
        return new AmiSettings(host, port, username, secret, configuredDriver, configuredProfile, trunk,
                action, ping, backoff);
    }

    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + host + ":" + port + ", secret " + Secret.REDACTED
                + configuredDriver.map(d -> ", driver " + d.cliName()).orElse("")
                + configuredProfile.map(p -> ", profile " + p).orElse("")
                + (trunk.isPresent() ? ", provisioning trunk '" + trunk.get().names().trunk() + "'" : "") + "]";
    }
}
