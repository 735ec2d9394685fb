package com.securetrunk.gateway.app.asterisk;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.provision.ManagedNames;
import com.securetrunk.ami.provision.TrunkSpec;
import com.securetrunk.gateway.config.AppConfig;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Options both {@code asterisk} subcommands share: what the trunk toward SecureTrunk looks like. */
final class TrunkOptions {

    @Option(names = "--gateway-host", paramLabel = "HOST",
            description = "Address the PBX sends SIP to (SecureTrunk's legacy listener). Default: sip.advertised-host, "
                    + "else the configured legacy listen address when it is a specific one.")
    String gatewayHost;

    @Option(names = "--gateway-port", paramLabel = "PORT",
            description = "Port of that listener. Default: the configured legacy UDP port (5060).")
    Integer gatewayPort;

    @Option(names = "--trunk-name", paramLabel = "NAME", defaultValue = "securetrunk",
            description = "Endpoint/peer name; categories NAME and NAME-* are SecureTrunk's. Default: ${DEFAULT-VALUE}.")
    String trunkName;

    @Option(names = "--context", paramLabel = "CONTEXT", defaultValue = "from-securetrunk",
            description = "Dialplan context calls from the secure domain enter. Default: ${DEFAULT-VALUE}.")
    String context;

    @Option(names = "--codecs", paramLabel = "LIST", split = ",", defaultValue = "ulaw,alaw",
            description = "Codecs in preference order. Default: ${DEFAULT-VALUE}.")
    List<String> codecs;

    /** The trunk, with the gateway address from the options or else from the config. */
    TrunkSpec trunk(ChannelDriver driver, Optional<AppConfig> config) {
        String host = gatewayHost;
        if (host == null) {
            host = config.flatMap(c -> c.sip().advertisedHost()).orElse(null);
        }
        if (host == null) {
            host = config.flatMap(c -> c.sip().legacy().listenAddresses().stream()
                    .filter(a -> !a.isAnyLocalAddress()).findFirst()).map(InetAddress::getHostAddress)
                    .orElseThrow(() -> new IllegalArgumentException("--gateway-host: expected the address the PBX "
                            + "reaches SecureTrunk at; sip.advertised-host is empty and the legacy listen address is "
                            + "a wildcard (or there is no --config), so it cannot be guessed"));
        }
        int port = gatewayPort != null ? gatewayPort
                : config.map(c -> c.sip().legacy().udpPort()).orElse(5060);
        return new TrunkSpec(new ManagedNames(trunkName), driver, host, port, context, codecs, Optional.empty());
    }
}
