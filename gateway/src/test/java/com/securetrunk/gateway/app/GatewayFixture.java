package com.securetrunk.gateway.app;

import com.securetrunk.gateway.config.AppConfigLoader;
import com.securetrunk.gateway.config.LoadedConfig;
import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.TargetResolver;
import com.securetrunk.testpbx.tls.TestPki;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts a {@link Gateway} in this JVM on loopback with certificates from the test-pbx PKI. */
final class GatewayFixture {
    static final TestPki PKI = TestPki.shared();
    private static final TestPki.Issued GATEWAY_CERT = PKI.issue("gateway", "gw.example.test");

    private GatewayFixture() {
    }

    /** Names the tests use resolve to loopback; literals resolve as themselves. */
    static TargetResolver loopbackNames() {
        DnsTargetResolver literal = new DnsTargetResolver(new DnsTargetResolver.Lookup() {
            @Override
            public List<DnsTargetResolver.Naptr> naptr(String name) {
                return List.of();
            }

            @Override
            public List<DnsTargetResolver.Srv> srv(String name) {
                return List.of();
            }

            @Override
            public List<InetAddress> addresses(String name) {
                return name.endsWith(".test") ? List.of(InetAddress.getLoopbackAddress()) : List.of();
            }
        });
        return literal;
    }

    /**
     * @param pbxPort    where the PBX listens (UDP)
     * @param extra      HOCON inside {@code securetrunk { }}: the secure-domain targets and anything else
     */
    static Gateway start(Path dir, int pbxPort, String extra) throws Exception {
        return start(dir, pbxPort, extra, loopbackNames());
    }

    /** As {@link #start(Path, int, String)}, with the secure-domain names resolved by {@code resolver}. */
    static Gateway start(Path dir, int pbxPort, String extra, TargetResolver resolver) throws Exception {
        String conf = """
                securetrunk {
                  sip.legacy { listen-addresses = ["127.0.0.1"], transports = [udp, tcp], udp-port = 0, tcp-port = 0 }
                  sip.secure { listen-addresses = ["127.0.0.1"], tls-port = 0 }
                  pbx {
                    allowed-sources = ["127.0.0.1"]
                    profile = asterisk-chan_sip
                    target { host = "127.0.0.1", port = %d, transport = udp }
                  }
                  tls { certificate = "%s", private-key = "%s", ca-bundle = "%s" }
                  # media ports below the ephemeral range (32768+), where the peers of the tests bind
                  media { bind-address = "127.0.0.1", port-min = 24000, port-max = 28999, port-quarantine = 1s, event-loops = 1 }
                  %s
                }
                """.formatted(pbxPort, GATEWAY_CERT.certPem(), GATEWAY_CERT.keyPem(), PKI.caPem(), extra);
        Path file = dir.resolve("gateway.conf");
        Files.writeString(file, conf);
        LoadedConfig loaded = AppConfigLoader.load(Optional.of(file), Map.of());
        return Gateway.start(loaded, resolver);
    }
}
