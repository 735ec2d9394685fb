package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiBridge;
import com.securetrunk.ami.AmiBridgeListener;
import com.securetrunk.ami.AmiSettings;
import com.securetrunk.ami.Secret;
import com.securetrunk.ami.connection.Backoff;
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
        AmiConfig ami = config.ami();
        if (!ami.enabled()) {
            return Optional.empty();
        }
        AmiSettings s = AmiSettings.of(ami.host(), ami.port(), ami.username(),
                        Secret.of(ami.secret().reveal(), "securetrunk.ami.secret"))
                .withBackoff(new Backoff(ami.reconnectMinDelay(), ami.reconnectMaxDelay(), 0.2))
                .withConfiguredProfile(config.pbx().profile());
        if (ami.provisionTrunk()) {
            s = s.withTrunk(trunk(config));
        }
        return Optional.of(s);
    }

    /** A started bridge, or empty when AMI is off. The caller closes it on shutdown. */
    public static Optional<AmiBridge> start(AppConfig config, AmiBridgeListener listener) {
        return settings(config).map(s -> {
            AmiBridge b = AmiBridge.create(s, listener);
            b.start();
            return b;
        });
    }

    /**
     * The trunk points the PBX at the legacy listener: {@code sip.advertised-host}, else its first specific listen
     * address, and its UDP port. The driver is replaced by the discovered one at provisioning time.
     */
    static TrunkSpec trunk(AppConfig config) {
        String host = config.sip().advertisedHost().orElseGet(() -> config.sip().legacy().listenAddresses().stream()
                .filter(a -> !a.isAnyLocalAddress()).findFirst().map(InetAddress::getHostAddress)
                .orElseThrow(() -> new IllegalArgumentException("securetrunk.ami.provision-trunk: the trunk must "
                        + "name the address the PBX reaches SecureTrunk at, but securetrunk.sip.advertised-host is "
                        + "empty and securetrunk.sip.legacy.listen-addresses holds only wildcards; set one of them")));
        return TrunkSpec.defaults(com.securetrunk.ami.ChannelDriver.PJSIP, host, config.sip().legacy().udpPort());
    }
}
