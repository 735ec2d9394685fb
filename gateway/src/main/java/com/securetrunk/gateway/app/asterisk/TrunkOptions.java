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

    @Option(names = "--trunk-name", paramLabel = "NAME",
            description = "Endpoint/peer name; categories NAME and NAME-* are SecureTrunk's. Default: "
                    + "ami.trunk.name, securetrunk.")
    String trunkName;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "Dialplan context calls from the secure domain enter. Default: ami.trunk.context, "
                    + "from-securetrunk.")
    String context;

    @Option(names = "--codecs", paramLabel = "LIST", split = ",",
            description = "Codecs in preference order. Default: ami.trunk.codecs, ulaw,alaw.")
    List<String> codecs;

    /** The trunk: each value from the options, else from {@code securetrunk.ami.trunk} / the config, else the default. */
    TrunkSpec trunk(ChannelDriver driver, Optional<AppConfig> config) {
        Optional<com.securetrunk.gateway.config.AmiConfig.Trunk> t = config.map(c -> c.ami().trunk());
        String host = gatewayHost;
        if (host == null) {
            host = t.flatMap(x -> x.gatewayHost()).filter(h -> !h.isBlank()).orElse(null);
        }
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
                : t.map(x -> x.gatewayPort()).filter(p -> p > 0)
                .orElse(config.map(c -> c.sip().legacy().udpPort()).orElse(5060));
        String name = trunkName != null ? trunkName : t.map(x -> x.name()).orElse("securetrunk");
        String ctx = context != null ? context : t.map(x -> x.context()).orElse("from-securetrunk");
        List<String> cs = codecs != null ? codecs : t.map(x -> x.codecs()).orElse(List.of("ulaw", "alaw"));
        return new TrunkSpec(new ManagedNames(name), driver, host, port, ctx, cs, Optional.empty());
    }
}
