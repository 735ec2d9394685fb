package com.securetrunk.gateway.app.asterisk;

import com.securetrunk.gateway.app.Main;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact output of {@code securetrunk asterisk config} and {@code securetrunk asterisk provision --dry-run}. */
class AsteriskCommandsTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = AsteriskCommandsTest.class.getResourceAsStream("/golden/asterisk/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void configPrintsThePjsipDropIn() throws IOException {
        Run r = run("asterisk", "config", "--driver", "pjsip", "--profile", "asterisk-pjsip-modern",
                "--gateway-host", "192.0.2.10");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(golden("config-pjsip.txt"));
    }

    @Test
    void configPrintsTheChanSipDropIn() throws IOException {
        Run r = run("asterisk", "config", "--driver", "chan_sip", "--profile", "asterisk-chan_sip",
                "--gateway-host", "192.0.2.10", "--gateway-port", "5062", "--codecs", "alaw");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(golden("config-chan_sip.txt"));
    }

    @Test
    void configRefusesAnUnknownProfileOrDriverNamingWhatIsAccepted() {
        Run r = run("asterisk", "config", "--driver", "pjsip", "--profile", "no-such", "--gateway-host", "192.0.2.1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--profile: expected one of", "asterisk-13.8-cert2", "found 'no-such'");
        Run d = run("asterisk", "config", "--driver", "iax2", "--profile", "freepbx", "--gateway-host", "192.0.2.1");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("driver: expected pjsip or chan_sip, found 'iax2'");
        Run h = run("asterisk", "config", "--driver", "pjsip", "--profile", "freepbx");
        assertThat(h.exit()).isEqualTo(2);
        assertThat(h.err()).contains("--gateway-host");
    }

    @Test
    void provisionDryRunPrintsThePlanThenProvisionAppliesItOnce(@TempDir Path dir) throws Exception {
        try (SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).sipPort(5070)
                .amiUser("securetrunk", "amisecret").loginFailDelay(Duration.ofMillis(50)).start()) {
            Path conf = dir.resolve("securetrunk.conf");
            Files.writeString(conf, "securetrunk {\n  ami { enabled = true, host = \"127.0.0.1\", port = "
                    + pbx.amiAddress().getPort() + ", username = securetrunk, secret = amisecret }\n"
                    + "  pbx { profile = asterisk-pjsip-modern }\n}\n");
            String[] args = {"asterisk", "provision", "--config", conf.toString(), "--gateway-host", "127.0.0.1",
                    "--gateway-port", "5080"};

            Run dry = run(append(args, "--dry-run"));
            assertThat(dry.exit()).as(dry.err()).isZero();
            Files.writeString(Path.of("target", "actual-provision-dry-run-20.txt"), dry.out()); // to diff on failure
            assertThat(dry.out()).isEqualTo(golden("provision-dry-run-20.txt"));
            assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).isEmpty();

            Run real = run(args);
            assertThat(real.exit()).as(real.out() + real.err()).isZero();
            assertThat(real.out()).contains("; Provisioned the trunk 'securetrunk' in pjsip.conf: 16 changes in 2 AMI"
                    + " actions.", ";   create [securetrunk-aor]");
            assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).isPresent();

            Run again = run(args);
            assertThat(again.exit()).isZero();
            assertThat(again.out()).endsWith("; The trunk 'securetrunk' in pjsip.conf is up to date; nothing was sent.\n");
        }
    }

    @Test
    void provisionWithoutAmiCredentialsSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("empty.conf");
        Files.writeString(conf, "securetrunk {}\n");
        Run r = run("asterisk", "provision", "--config", conf.toString(), "--gateway-host", "127.0.0.1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("securetrunk.ami.username", "manager.conf");
    }

    private static String[] append(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
