package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Runs the real command line in-process, as {@code java -jar securetrunk.jar ...} would. */
class CliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        String[] outLines() {
            return out.split("\\R");
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void profilesListShowsEveryBuiltInWithFamilyAndDescription() {
        Run r = run("profiles", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()[0]).startsWith("NAME").contains("FAMILY", "DESCRIPTION");
        assertThat(r.out()).contains("twilio-secure", "twilio-clear", "asterisk-chan_sip", "asterisk-13.8-cert2",
                "asterisk-pjsip-modern", "pjsip-2.5 ", "pjsip-2.5.5", "freepbx", "generic-rfc4568");
        assertThat(Arrays.stream(r.outLines()).filter(l -> l.startsWith("twilio-secure ")).findFirst().orElseThrow())
                .contains("twilio", "Secure Media enabled");
        assertThat(r.outLines()).hasSize(10);
    }

    @Test
    void profilesShowPrintsTheResolvedProfileWithOfferedSuitesInOrderAndNotes() {
        Run r = run("profiles", "show", "twilio-secure");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("offer-suites = [AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32]",
                "srtp = required", "min-version = \"1.2\"", "wildcard-policy = tolerate",
                "extends generic-rfc4568", "MKI parameter is not supported");
        Run missing = run("profiles", "show", "twilio-secur");
        assertThat(missing.exit()).isEqualTo(ProfilesCommand.EXIT_ERROR);
        assertThat(missing.err()).contains("no profile named 'twilio-secur'", "twilio-secure");
    }

    @Test
    void profilesValidateExitsZeroForAGoodFileAndTwoWithOneLinePerProblem() throws IOException {
        Path good = dir.resolve("office.conf");
        Files.writeString(good, "extends = asterisk-13.8-cert2\nmedia.ptime = 30\n");
        Run ok = run("profiles", "validate", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("valid profile 'office' (extends asterisk-13.8-cert2)");

        Path bad = dir.resolve("broken.conf");
        Files.writeString(bad, """
                extends = twilio-secure
                media.offer-suites = [AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_81]
                signalling.tls.wildcard-policy = lenient
                media.bogus = 1
                """);
        Run r = run("profiles", "validate", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.outLines()).containsExactlyInAnyOrder(
                bad + ":2: media.offer-suites[1]: expected an SRTP suite name, one of: AES_CM_128_HMAC_SHA1_80, "
                        + "AES_CM_128_HMAC_SHA1_32, AES_256_CM_HMAC_SHA1_80, AES_256_CM_HMAC_SHA1_32, "
                        + "found \"AES_CM_128_HMAC_SHA1_81\"",
                bad + ":3: signalling.tls.wildcard-policy: expected one of: strict, tolerate, found \"lenient\"",
                bad + ":4: media.bogus: expected a known key (media has: accept-suites, crypto, offer-suites, ptime, "
                        + "rtcp-mux, srtcp-encryption, srtp, symmetric-rtp, telephone-event-payload-type), "
                        + "found unknown key 'bogus'");
    }

    @Test
    void profilesListMergesAUserDirectory() throws IOException {
        Files.writeString(dir.resolve("branch-office.conf"),
                "extends = freepbx\nidentity.description = \"Branch office FreePBX\"\n");
        Run r = run("profiles", "list", "--profiles-dir", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("branch-office").contains("Branch office FreePBX [" + dir);
        Files.writeString(dir.resolve("loop.conf"), "extends = loop\n");
        Run broken = run("profiles", "list", "--profiles-dir", dir.toString());
        assertThat(broken.exit()).isEqualTo(ProfilesCommand.EXIT_ERROR);
        assertThat(broken.err()).contains("loop.conf:1: extends: expected a parent chain that ends");
    }

    @Test
    void runCheckValidatesAndPrintsRedactedConfigWithoutStarting() throws IOException {
        Path conf = dir.resolve("gw.conf");
        Files.writeString(conf, """
                securetrunk {
                  secure-domain.targets = [ { host = "example.sip.twilio.com" } ]
                  secure-domain.digest { username = "trunk", password = "hunter2" }
                  ami { username = "admin", secret = "amp111" }
                }
                """);
        Run r = run("run", "--check", "--config", conf.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("example.sip.twilio.com", "username=trunk", "password=\"<redacted>\"",
                "nothing started");
        assertThat(r.out() + r.err()).doesNotContain("hunter2", "amp111");

        Files.writeString(conf, "securetrunk.media.port-min = -1\n");
        Run bad = run("run", "--config", conf.toString());
        assertThat(bad.exit()).isEqualTo(RunCommand.EXIT_INVALID_CONFIG);
        assertThat(bad.err()).contains(conf + ":1: securetrunk.media.port-min: expected an integer from 1 to 65535, "
                + "found -1");
    }

    @Test
    void logLevelIsAGlobalOption() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            assertThat(run("--log-level", "debug", "profiles", "list").exit()).isZero();
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(run("profiles", "list", "--log-level", "warn").exit()).isZero();
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
            Run bad = run("--log-level", "loud", "profiles", "list");
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("--log-level", "loud");
        } finally {
            root.setLevel(before);
        }
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("run", "profiles", "--log-level");
    }
}
