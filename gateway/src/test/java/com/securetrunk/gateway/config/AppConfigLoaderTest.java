package com.securetrunk.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.profiles.hocon.ConfigProblem;
import com.securetrunk.profiles.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class AppConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<ConfigProblem> problems(Optional<Path> file, Map<String, String> env) {
        try {
            AppConfigLoader.load(file, env);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    @Test
    void referenceDefaultsLoadAndAreTheDocumentedOnes() throws Exception {
        AppConfig c = AppConfigLoader.load(Optional.empty(), Map.of()).config();
        assertThat(c.sip().legacy().udpPort()).isEqualTo(5060);
        assertThat(c.sip().legacy().transports()).containsExactly(Transport.UDP, Transport.TCP);
        assertThat(c.sip().secure().tlsPort()).isEqualTo(5061);
        assertThat(c.media().inactivityTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.media().ngControl().enabled()).isFalse();
        assertThat(c.metrics().enabled()).isFalse();
        assertThat(c.ami().enabled()).isFalse();
        assertThat(c.secureDomain().profile()).isEqualTo("twilio-secure");
        assertThat(c.secureDomain().digest()).isEmpty();
        assertThat(c.pbx().allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(c.pbx().allows(InetAddress.getByName("192.0.2.1"))).isFalse();
        assertThat(c.tls().certificate()).isEmpty();
    }

    @Test
    void userFileAndEnvironmentOverrideInThatOrder() throws Exception {
        Path f = write("app.conf", """
                securetrunk {
                  sip.secure.tls-port = 5070
                  media.port-min = 30000
                  media.port-max = 30100
                  secure-domain {
                    targets = [ { host = "example.sip.twilio.com" }, { host = "192.0.2.7", port = 5080, transport = tcp } ]
                    digest { username = "alice", password = "hunter2" }
                  }
                  pbx.allowed-sources = [ "192.0.2.0/24", "2001:db8::/32" ]
                }
                """);
        LoadedConfig loaded = AppConfigLoader.load(Optional.of(f),
                Map.of("SECURETRUNK_SIP_SECURE_TLS__PORT", "5071", "SECURETRUNK_PBX_PROFILE", "asterisk-13.8-cert2",
                        "HOME", "/root"));
        AppConfig c = loaded.config();
        assertThat(c.sip().secure().tlsPort()).isEqualTo(5071);
        assertThat(c.media().portMin()).isEqualTo(30000);
        assertThat(c.pbx().profile()).isEqualTo("asterisk-13.8-cert2");
        assertThat(c.secureDomain().targets()).containsExactly(
                new SipTarget("example.sip.twilio.com", 0, Transport.TLS), // no port: NAPTR/SRV, else 5061 (RFC 3263)
                new SipTarget("192.0.2.7", 5080, Transport.TCP));
        assertThat(c.secureDomain().digest().orElseThrow().password().reveal()).isEqualTo("hunter2");
        assertThat(c.pbx().allows(InetAddress.getByName("2001:db8::5"))).isTrue();
        assertThat(c.pbx().allows(InetAddress.getByName("192.0.3.1"))).isFalse();
        assertThat(loaded.profiles().find("asterisk-13.8-cert2")).isPresent();
    }

    @Test
    void everyWrongValueIsReportedWithFileLineKeyExpectedAndFound() throws Exception {
        Path f = write("bad.conf", """
                securetrunk {
                  sip.secure.tls-port = 70000
                  media.inactivity-timeout = soon
                  sip.legacy.transports = [udp, sctp]
                  pbx.allowed-sources = [ "192.0.2.0/33" ]
                  media.prot-min = 1
                  secure-domain.profile = no-such-profile
                }
                """);
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        String file = f.toString();
        assertThat(problems).contains(
                new ConfigProblem(file, 2, "securetrunk.sip.secure.tls-port", "an integer from 0 to 65535", "70000"),
                new ConfigProblem(file, 3, "securetrunk.media.inactivity-timeout",
                        "a duration such as 30s, 500ms or 5m, at least 1000ms", "\"soon\""),
                new ConfigProblem(file, 4, "securetrunk.sip.legacy.transports[1]", "one of: udp, tcp, tls", "\"sctp\""),
                new ConfigProblem(file, 5, "securetrunk.pbx.allowed-sources[0]",
                        "an IPv4/IPv6 address or CIDR block, e.g. 192.0.2.10 or 192.0.2.0/24", "\"192.0.2.0/33\""));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.keyPath()).isEqualTo("securetrunk.media.prot-min");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.expected()).contains("did you mean 'media.port-min'");
        });
        // the profile check runs only once the rest is valid; shown in its own test
        assertThat(problems).hasSize(5);
    }

    @Test
    void unknownProfileNameIsRefusedWithTheKnownNames() throws Exception {
        Path f = write("p.conf", "securetrunk.secure-domain.profile = twilio-securr\n");
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.keyPath()).isEqualTo("securetrunk.secure-domain.profile");
            assertThat(p.expected()).contains("twilio-secure", "asterisk-13.8-cert2");
            assertThat(p.found()).isEqualTo("\"twilio-securr\"");
        });
    }

    @Test
    void unknownEnvironmentVariableAndTopLevelKeyAreReported() throws Exception {
        Path f = write("top.conf", "sip.secure.tls-port = 5061\n");
        List<ConfigProblem> fileProblems = problems(Optional.of(f), Map.of());
        assertThat(fileProblems).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("sip");
            assertThat(p.found()).contains("unknown top-level key 'sip'");
        });
        List<ConfigProblem> envProblems = problems(Optional.empty(), Map.of("SECURETRUNK_MEDIA_PORT_MIN", "2000"));
        assertThat(envProblems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("environment variable SECURETRUNK_MEDIA_PORT_MIN");
            assertThat(p.keyPath()).isEqualTo("securetrunk.media.port");
        });
    }

    @Test
    void secretsNeverAppearInProblemsOrRendering() throws Exception {
        Path f = write("s.conf", """
                securetrunk.secure-domain.digest { username = "", password = "hunter2" }
                """);
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        assertThat(problems.toString()).doesNotContain("hunter2");
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.keyPath()).isEqualTo("securetrunk.secure-domain.digest.password"));

        LoadedConfig ok = AppConfigLoader.load(Optional.empty(), Map.of("SECURETRUNK_AMI_SECRET", "amipass",
                "SECURETRUNK_SECURE__DOMAIN_DIGEST_USERNAME", "bob",
                "SECURETRUNK_SECURE__DOMAIN_DIGEST_PASSWORD", "hunter2"));
        assertThat(ok.config().ami().secret().reveal()).isEqualTo("amipass");
        assertThat(ok.config().toString()).doesNotContain("amipass", "hunter2").contains(Secret.REDACTED);
        String rendered = EffectiveConfig.render(ok.effective());
        assertThat(rendered).doesNotContain("amipass", "hunter2").contains("<redacted>", "bob");
    }

    @Test
    void crossFieldRulesAndMissingFiles() throws Exception {
        Path f = write("x.conf", """
                securetrunk {
                  ami { enabled = true, reconnect-min-delay = 10s, reconnect-max-delay = 1s }
                  media { port-min = 20000, port-max = 20000 }
                  tls.certificate = "/nonexistent/cert.pem"
                }
                """);
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        assertThat(problems).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "securetrunk.ami.username", "securetrunk.ami.reconnect-max-delay", "securetrunk.media.port-max",
                "securetrunk.tls.certificate");
        assertThat(problems).filteredOn(p -> p.keyPath().endsWith("certificate")).singleElement()
                .satisfies(p -> assertThat(p.found()).contains("no such file"));
        assertThat(problems(Optional.of(dir.resolve("missing.conf")), Map.of())).singleElement()
                .satisfies(p -> assertThat(p.found()).isEqualTo("no such file"));
    }

    @Test
    void syntaxErrorNamesTheLine() throws Exception {
        Path f = write("syntax.conf", "securetrunk {\n  sip {\n    legacy.udp-port = \n}\n");
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.expected()).isEqualTo("valid HOCON syntax");
        });
    }

    @Test
    void environmentListValues() throws Exception {
        AppConfig c = AppConfigLoader.load(Optional.empty(),
                Map.of("SECURETRUNK_PBX_ALLOWED__SOURCES", "[192.0.2.10, \"198.51.100.0/24\"]")).config();
        assertThat(c.pbx().allows(InetAddress.getByName("198.51.100.77"))).isTrue();
        assertThat(c.pbx().allows(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void wrongEnvironmentValueNamesTheVariable() {
        List<ConfigProblem> problems = problems(Optional.empty(),
                Map.of("SECURETRUNK_MEDIA_PORT__MIN", "lots", "SECURETRUNK_AMI_PORT", "[1"));
        assertThat(problems).containsExactlyInAnyOrder(
                new ConfigProblem("environment variable SECURETRUNK_AMI_PORT", -1, "securetrunk.ami.port",
                        "a value (a list or object must be valid HOCON)", "text that does not parse"));
        List<ConfigProblem> typed = problems(Optional.empty(), Map.of("SECURETRUNK_MEDIA_PORT__MIN", "lots"));
        assertThat(typed).containsExactly(new ConfigProblem("environment variable SECURETRUNK_MEDIA_PORT__MIN", -1,
                "securetrunk.media.port-min", "an integer from 1 to 65535", "\"lots\""));
    }

    @Test
    void userProfileDirectoryIsUsedForProfileNames() throws Exception {
        Path profiles = Files.createDirectory(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("our-pbx.conf"), "extends = freepbx\n");
        Path f = write("with-profiles.conf", "securetrunk {\n  profiles.directory = \"" + profiles
                + "\"\n  pbx.profile = our-pbx\n}\n");
        LoadedConfig loaded = AppConfigLoader.load(Optional.of(f), Map.of());
        assertThat(loaded.profiles().get("our-pbx").parent()).contains("freepbx");

        Files.writeString(profiles.resolve("our-pbx.conf"), "extends = freepbx\nmedia.ptime = 1\n");
        List<ConfigProblem> problems = problems(Optional.of(f), Map.of());
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).endsWith("our-pbx.conf");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.keyPath()).isEqualTo("media.ptime");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.keyPath()).isEqualTo("securetrunk.pbx.profile"));
    }

    @Test
    void amiTrunkSection() throws Exception {
        AmiConfig ami = AppConfigLoader.load(Optional.empty(), Map.of()).config().ami();
        assertThat(ami.trunk().name()).isEqualTo("securetrunk");
        assertThat(ami.trunk().driver()).isEqualTo(AmiConfig.TrunkDriver.AUTO);
        assertThat(ami.trunk().gatewayHost()).isEmpty();
        assertThat(ami.trunk().codecs()).containsExactly("ulaw", "alaw");
        assertThat(ami.actionTimeout()).isEqualTo(Duration.ofSeconds(5));

        Path f = write("ami.conf", """
                securetrunk.ami.trunk {
                  driver = sip
                  context = "from trunk"
                  codecs = []
                  gateway-host = "192.0.2.5"
                }
                """);
        assertThat(problems(Optional.of(f), Map.of())).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "securetrunk.ami.trunk.driver", "securetrunk.ami.trunk.context", "securetrunk.ami.trunk.codecs");
    }
}
