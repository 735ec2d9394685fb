package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiBridge;
import com.securetrunk.ami.AmiBridgeListener;
import com.securetrunk.ami.AmiSettings;
import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.Secret;
import com.securetrunk.ami.connection.Backoff;
import com.securetrunk.ami.provision.ManagedNames;
import com.securetrunk.ami.provision.TrunkSpec;
import com.securetrunk.gateway.config.AmiConfig;
import com.securetrunk.gateway.config.AppConfig;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Builds the AMI bridge from {@code securetrunk.ami}. The bridge is optional: with {@code ami.enabled = false} this
 * returns empty and nothing is created, no thread, no socket, so the gateway runs exactly as without it.
 */
public final class AmiBridgeSetup {

    private AmiBridgeSetup() {
    }

    /** The bridge's settings, or empty when AMI is off. */
    public static Optional<AmiSettings> settings(AppConfig config) {
        return settings(config, 0);
    }

    /**
     * The bridge's settings, or empty when AMI is off; {@code boundLegacyUdpPort} is the legacy UDP port the running
     * gateway actually listens on (it differs from the configured one when that is 0, an ephemeral port), used as
     * the trunk's port unless {@code ami.trunk.gateway-port} names one. 0: the configured port.
     */
    public static Optional<AmiSettings> settings(AppConfig config, int boundLegacyUdpPort) {
        AmiConfig ami = config.ami();
        if (!ami.enabled()) {
            return Optional.empty();
        }
        AmiSettings s = AmiSettings.of(ami.host(), ami.port(), ami.username(),
                        Secret.of(ami.secret().reveal(), "securetrunk.ami.secret"))
                .withBackoff(new Backoff(ami.reconnectMinDelay(), ami.reconnectMaxDelay(), 0.2))
                .withTimeouts(ami.actionTimeout(), ami.pingInterval())
                .withConfiguredProfile(config.pbx().profile());
        Optional<ChannelDriver> driver = driver(ami.trunk().driver());
        if (driver.isPresent()) {
            s = s.withConfiguredDriver(driver.get());
        }
        if (ami.provisionTrunk()) {
            s = s.withTrunk(trunk(config, boundLegacyUdpPort));
        }
        return Optional.of(s);
    }

    /** A started bridge, or empty when AMI is off. The caller closes it on shutdown. */
    public static Optional<AmiBridge> start(AppConfig config, AmiBridgeListener listener) {
        return start(config, 0, listener);
    }

    /** As {@link #start(AppConfig, AmiBridgeListener)}, with the legacy UDP port the gateway is bound to. */
    public static Optional<AmiBridge> start(AppConfig config, int boundLegacyUdpPort, AmiBridgeListener listener) {
        return settings(config, boundLegacyUdpPort).map(s -> {
            AmiBridge b = AmiBridge.create(s, listener);
            b.start();
            return b;
        });
    }

    /** {@code ami.trunk.driver}: empty for {@code auto} (discovery decides). */
    public static Optional<ChannelDriver> driver(AmiConfig.TrunkDriver d) {
        return switch (d) {
            case AUTO -> Optional.empty();
            case PJSIP -> Optional.of(ChannelDriver.PJSIP);
            case CHAN_SIP -> Optional.of(ChannelDriver.CHAN_SIP);
        };
    }

    /**
     * {@code ami.trunk}: the address the PBX sends SIP to is {@code ami.trunk.gateway-host}, else
     * {@code sip.advertised-host}, else the first specific legacy listen address; the port is
     * {@code ami.trunk.gateway-port}, else the legacy UDP port. The driver is replaced by the configured or
     * discovered one at provisioning time.
     */
    public static TrunkSpec trunk(AppConfig config) {
        return trunk(config, 0);
    }

    /** As {@link #trunk(AppConfig)}; a configured legacy UDP port of 0 is replaced by {@code boundLegacyUdpPort}. */
    public static TrunkSpec trunk(AppConfig config, int boundLegacyUdpPort) {
        AmiConfig.Trunk t = config.ami().trunk();
        String host = t.gatewayHost().filter(h -> !h.isBlank())
                .or(() -> config.sip().advertisedHost())
                .or(() -> config.sip().legacy().listenAddresses().stream()
                        .filter(a -> !a.isAnyLocalAddress()).findFirst().map(InetAddress::getHostAddress))
                .orElseThrow(() -> new IllegalArgumentException("securetrunk.ami.trunk.gateway-host: the trunk must "
                        + "name the address the PBX reaches SecureTrunk at, but it is empty, so is "
                        + "securetrunk.sip.advertised-host, and securetrunk.sip.legacy.listen-addresses holds only "
                        + "wildcards; set one of them"));
        int configured = config.sip().legacy().udpPort();
        int port = t.gatewayPort() > 0 ? t.gatewayPort()
                : configured == 0 && boundLegacyUdpPort > 0 ? boundLegacyUdpPort : configured;
        return new TrunkSpec(new ManagedNames(t.name()), driver(t.driver()).orElse(ChannelDriver.PJSIP), host, port,
                t.context(), t.codecs(), Optional.empty());
    }
}
