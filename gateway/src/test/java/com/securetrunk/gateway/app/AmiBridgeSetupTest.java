package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiSettings;
import com.securetrunk.gateway.config.AppConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmiBridgeSetupTest {

    private static com.securetrunk.gateway.config.AppConfig load(Path dir, String text) throws Exception {
        Path f = dir.resolve("c.conf");
        Files.writeString(f, text);
        return AppConfigLoader.load(Optional.of(f), Map.of()).config();
    }

    @Test
    void amiOffMeansNoBridgeAtAll(@TempDir Path dir) throws Exception {
        var config = load(dir, "securetrunk {}\n");
        int threads = Thread.activeCount();
        assertThat(AmiBridgeSetup.settings(config)).isEmpty();
        assertThat(AmiBridgeSetup.start(config, new com.securetrunk.ami.AmiBridgeListener() { })).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("securetrunk-ami"));
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
    }

    @Test
    void amiOnMapsConnectionBackoffProfileAndTrunk(@TempDir Path dir) throws Exception {
        var config = load(dir, """
                securetrunk {
                  sip.legacy.listen-addresses = [ "192.0.2.10" ]
                  pbx.profile = asterisk-13.8-cert2
                  ami { enabled = true, host = "192.0.2.20", port = 5039, username = gw, secret = "s3cret"
                        provision-trunk = true, reconnect-min-delay = 2s, reconnect-max-delay = 1m
                        action-timeout = 3s, ping-interval = 15s
                        trunk { name = pbxtrunk, driver = chan_sip, context = from-st, codecs = [ alaw ] } }
                }
                """);
        AmiSettings s = AmiBridgeSetup.settings(config).orElseThrow();
        assertThat(s.host()).isEqualTo("192.0.2.20");
        assertThat(s.port()).isEqualTo(5039);
        assertThat(s.username()).isEqualTo("gw");
        assertThat(s.secret().reveal()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(s.backoff().initial()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.backoff().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.configuredProfile()).contains("asterisk-13.8-cert2");
        assertThat(s.actionTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.configuredDriver()).contains(com.securetrunk.ami.ChannelDriver.CHAN_SIP);
        assertThat(s.trunk()).hasValueSatisfying(t -> {
            assertThat(t.gatewayHost()).isEqualTo("192.0.2.10");
            assertThat(t.gatewayPort()).isEqualTo(5060);
            assertThat(t.names().trunk()).isEqualTo("pbxtrunk");
            assertThat(t.context()).isEqualTo("from-st");
            assertThat(t.codecs()).containsExactly("alaw");
        });
    }

    @Test
    void provisioningNeedsASpecificListenAddress(@TempDir Path dir) throws Exception {
        var config = load(dir, "securetrunk.ami { enabled = true, username = gw, secret = x, provision-trunk = true }\n");
        assertThatThrownBy(() -> AmiBridgeSetup.settings(config))
                .hasMessageContaining("securetrunk.ami.trunk.gateway-host")
                .hasMessageContaining("securetrunk.sip.legacy.listen-addresses");
        var advertised = load(dir, "securetrunk { sip.advertised-host = \"pbx-side.example.net\"\n"
                + "ami { enabled = true, username = gw, secret = x, provision-trunk = true } }\n");
        assertThat(AmiBridgeSetup.settings(advertised).orElseThrow().trunk().orElseThrow().gatewayHost())
                .isEqualTo("pbx-side.example.net");
    }
}
