package com.securetrunk.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 * @param actionTimeout     wait for the answer to one action (and for the TCP connect)
 * @param pingInterval      Ping a quiet connection this often
 * @param trunk             the trunk to provision ({@code ami.trunk})
 */
public record AmiConfig(boolean enabled, String host, int port, String username, Secret secret, boolean provisionTrunk,
                        Duration reconnectMinDelay, Duration reconnectMaxDelay, Duration actionTimeout,
                        Duration pingInterval, Trunk trunk) {
    public AmiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(reconnectMinDelay, "reconnectMinDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(trunk, "trunk");
    }

    /** Which channel driver the provisioned trunk uses. */
    public enum TrunkDriver {
        /** The one discovery finds (res_pjsip when loaded, else chan_sip). */
        AUTO,
        PJSIP,
        CHAN_SIP;

        /** The spelling used in the config file. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The trunk that points the PBX at the legacy listener ({@code securetrunk.ami.trunk}).
     *
     * @param name        pjsip endpoint / chan_sip peer name
     * @param driver      auto, pjsip or chan_sip
     * @param gatewayHost address the PBX sends SIP to; empty = first non-wildcard legacy listen address
     * @param gatewayPort port the PBX sends SIP to; 0 = {@code sip.legacy.udp-port}
     * @param context     dialplan context for calls from the secure domain
     * @param codecs      codec names in preference order, never empty
     */
    public record Trunk(String name, TrunkDriver driver, Optional<String> gatewayHost, int gatewayPort, String context,
                        List<String> codecs) {
        public Trunk {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(gatewayHost, "gatewayHost");
            Objects.requireNonNull(context, "context");
            codecs = List.copyOf(codecs);
        }
    }
}
