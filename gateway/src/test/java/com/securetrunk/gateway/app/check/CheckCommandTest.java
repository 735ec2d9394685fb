package com.securetrunk.gateway.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.app.Main;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.tls.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code securetrunk check} in-process against the test-pbx secure domain over real TLS, with each kind of
 * certificate the test PKI issues.
 */
class CheckCommandTest {
    private static final TestPki PKI = TestPki.shared();
    private static final String HOST = TestPki.DOMAIN_HOST;

    private final List<SecureDomain> domains = new ArrayList<>();

    private record Run(int exit, String out, String err) {
        String line(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("<no line " + prefix + ">");
        }
    }

    @AfterEach
    void stop() {
        domains.forEach(SecureDomain::close);
    }

    private SecureDomain domain(TestPki.Leaf leaf) throws Exception {
        SecureDomain d = SecureDomain.start(SecureDomain.config().certificate(leaf).plainPort(0));
        domains.add(d);
        return d;
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

    private Run check(SecureDomain d, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "sips:" + HOST + ":" + d.tlsPort(),
                "--resolve", HOST + ":127.0.0.1", "--ca-bundle", PKI.caPem().toString(), "--timeout", "5s"));
        args.addAll(List.of(extra));
        return run(args.toArray(new String[0]));
    }

    @Test
    void goodCertificatePassesWithExactSanMatchAndOptions200() throws Exception {
        Run r = check(domain(TestPki.Leaf.NORMAL));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.line("dns ")).contains("A/AAAA " + HOST + ": 127.0.0.1 (--resolve)");
        assertThat(r.line("tls ")).containsPattern("TLSv1\\.[23] TLS_");
        assertThat(r.line("cert[0]")).contains("CN=" + HOST);
        assertThat(r.out()).containsPattern("issuer .*CN=SecureTrunk Test CA").containsPattern("\\(\\d+ days left\\)");
        assertThat(r.line("name ")).contains("matches SAN DNS:" + HOST + " (exact)");
        assertThat(r.line("strict ")).endsWith("accept");
        assertThat(r.line("tolerate ")).endsWith("accept");
        assertThat(r.line("options ")).contains("SIP/2.0 200 OK");
        assertThat(r.out()).contains("User-Agent: SecureDomainSimulator");
        assertThat(r.line("result ")).isEqualTo("result    PASS");
    }

    @Test
    void wildcardCertificateFailsUnderStrictAndPassesUnderTolerate() throws Exception {
        SecureDomain d = domain(TestPki.Leaf.WILDCARD);
        Run strict = check(d);
        assertThat(strict.exit()).as(strict.out()).isEqualTo(1);
        assertThat(strict.line("name ")).contains("matches SAN DNS:" + TestPki.WILDCARD, "wildcard");
        assertThat(strict.line("strict ")).contains("refuse (wildcard-refused)", "RFC 5922 section 7.2");
        assertThat(strict.line("tolerate ")).endsWith("accept");
        assertThat(strict.line("options ")).contains("not sent");
        assertThat(strict.line("result ")).isEqualTo("result    FAIL");

        Run tolerate = check(d, "--wildcard-policy", "tolerate");
        assertThat(tolerate.exit()).as(tolerate.out()).isZero();
        assertThat(tolerate.line("options ")).contains("200 OK");
    }

    @Test
    void expiredCertificateIsShownAndRefusedUnderBothPolicies() throws Exception {
        Run r = check(domain(TestPki.Leaf.EXPIRED), "--wildcard-policy", "tolerate");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("EXPIRED \\d+ days ago");
        assertThat(r.line("strict ")).contains("refuse (expired)", "expired on");
        assertThat(r.line("tolerate ")).contains("refuse (expired)");
        assertThat(r.line("result ")).isEqualTo("result    FAIL");
    }

    @Test
    void unknownCaCertificateIsRefusedNamingTheIssuer() throws Exception {
        Run r = check(domain(TestPki.Leaf.UNKNOWN_CA));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("issuer .*CN=Unknown Test CA");
        assertThat(r.line("strict ")).contains("refuse (unknown-ca)", "not in the CA bundle");
        assertThat(r.line("tolerate ")).contains("refuse (unknown-ca)");
        assertThat(r.line("result ")).isEqualTo("result    FAIL");
    }

    @Test
    void sipOverUdpAndTcpSendsOptionsWithoutTls() throws Exception {
        SecureDomain d = domain(TestPki.Leaf.NORMAL);
        Run udp = run("check", "sip:127.0.0.1:" + d.plainPort(Transport.UDP));
        assertThat(udp.exit()).as(udp.out()).isZero();
        assertThat(udp.out()).contains("127.0.0.1 is an IP address: no lookup").doesNotContain("tls ");
        assertThat(udp.line("options ")).contains("200 OK");
        Run tcp = run("check", "sip:127.0.0.1:" + d.plainPort(Transport.TCP) + ";transport=tcp");
        assertThat(tcp.exit()).as(tcp.out()).isZero();
        assertThat(tcp.line("options ")).contains("200 OK");
    }

    @Test
    void nothingListeningFailsWithAReasonAndNoHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run("check", "sips:127.0.0.1:" + port, "--timeout", "1s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.line("tls ")).contains("TCP connect refused");
    }

    @Test
    void plainTextPeerOnTheTlsPortIsExplained() throws Exception {
        SecureDomain d = domain(TestPki.Leaf.NORMAL);
        Run r = run("check", "sips:127.0.0.1:" + d.plainPort(Transport.TCP), "--timeout", "2s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.line("tls ")).contains("FAIL");
    }

    @Test
    void badInputExitsTwoWithTheReason() {
        assertThat(run("check", "http://example.com").err()).contains("must start with sips: or sip:");
        assertThat(run("check", "http://example.com").exit()).isEqualTo(2);
        assertThat(run("check", "sips:example.com:99999").err()).contains("port '99999'");
        assertThat(run("check", "sips:example.com;transport=udp").err()).contains("sips: URI needs TLS");
        assertThat(run("check", "sips:example.com", "--resolve", "example.com").err()).contains("expected NAME:ADDRESS");
        assertThat(run("check", "sips:example.com", "--timeout", "forever").err()).contains("--timeout 'forever'");
        assertThat(run("check", "sips:example.com", "--wildcard-policy", "lax").err()).contains("strict or tolerate");
    }
}
