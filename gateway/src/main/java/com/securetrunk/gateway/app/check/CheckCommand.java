package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.ResolvedTarget;
import com.securetrunk.gateway.sip.Transport;
import com.securetrunk.gateway.tls.CertificateFiles;
import com.securetrunk.gateway.tls.WildcardPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code securetrunk check sips:HOST[:PORT]}: resolve, connect, TLS, certificate verdicts, OPTIONS. Each resolved
 * address is tried in order (as the gateway fails over) until one passes. Exit 0 when one passed, 1 when none did,
 * 2 for invalid input.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Diagnose a SIP peer: DNS, TLS, certificate verdicts, then OPTIONS.",
                "Shows the RFC 3263 lookups (NAPTR/SRV/A), the TLS version and cipher, the certificate chain with expiry,",
                "the name match and what the 'strict' and 'tolerate' wildcard policies decide, then the OPTIONS response.",
                "Exit status: 0 pass, 1 fail, 2 invalid input."})
public final class CheckCommand implements Callable<Integer> {
    static final int MAX_ADDRESSES = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "sips:HOST[:PORT] or sip:HOST[:PORT][;transport=udp|tcp|tls]")
    String target;

    @Option(names = "--ca-bundle", paramLabel = "PEM", description = "CA certificates to trust (default: the JDK's trust store)")
    Path caBundle;

    @Option(names = "--resolve", paramLabel = "NAME:ADDRESS", description = "Answer A/AAAA for NAME with ADDRESS (no DNS query; repeatable)")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--wildcard-policy", paramLabel = "POLICY", defaultValue = "strict",
            description = "The policy that decides pass/fail: strict (RFC 5922) or tolerate (RFC 6125). Default: ${DEFAULT-VALUE}. Both verdicts are printed.")
    String wildcardPolicy;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Connect, handshake and OPTIONS timeout, e.g. 5s or 500ms. Default: ${DEFAULT-VALUE}.")
    String timeout;

    private DnsTargetResolver.Lookup lookup = DnsTargetResolver.jndiLookup();
    private Clock clock = Clock.systemUTC();

    /** For tests: DNS answers from {@code l} instead of JNDI. */
    CheckCommand lookup(DnsTargetResolver.Lookup l) {
        this.lookup = l;
        return this;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckTarget t;
        WildcardPolicy policy;
        int timeoutMs;
        Map<String, InetAddress> overrides = new LinkedHashMap<>();
        List<X509Certificate> cas;
        try {
            t = CheckTarget.parse(target);
            policy = WildcardPolicy.parse(wildcardPolicy);
            timeoutMs = parseTimeout(timeout);
            for (String r : resolve) {
                int colon = r.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--resolve '" + r + "': expected NAME:ADDRESS, e.g. sip.example.com:127.0.0.1");
                }
                String addr = r.substring(colon + 1);
                if (!DnsName.isIpLiteral(addr.replace("[", "").replace("]", ""))) {
                    throw new IllegalArgumentException("--resolve '" + r + "': '" + addr + "' is not an IP address");
                }
                overrides.put(r.substring(0, colon).toLowerCase(Locale.ROOT), InetAddress.getByName(addr.replace("[", "").replace("]", "")));
            }
            cas = t.transport() == Transport.TLS ? trustedCas(caBundle) : List.of();
        } catch (IllegalArgumentException | UnknownHostException | IllegalStateException e) {
            err.println("check: " + e.getMessage());
            return 2;
        }

        out.printf("target    %s (%s)%n", t.requestUri(), t.transport().name());
        RecordingLookup recording = new RecordingLookup(lookup, overrides);
        List<ResolvedTarget> targets = new DnsTargetResolver(recording).resolve(t.host(), t.port(), t.transport());
        for (String step : recording.steps()) {
            out.printf("dns       %s%n", step);
        }
        if (DnsName.isIpLiteral(t.host())) {
            out.printf("dns       %s is an IP address: no lookup%n", t.host());
        }
        if (targets.isEmpty()) {
            out.printf("result    FAIL: %s does not resolve (RFC 3263: no NAPTR/SRV/A/AAAA records)%n", t.host());
            return 1;
        }
        int tried = 0;
        for (ResolvedTarget rt : targets) {
            if (tried++ == MAX_ADDRESSES) {
                out.printf("          (%d more addresses not tried)%n", targets.size() - MAX_ADDRESSES);
                break;
            }
            out.printf("try       %s%n", rt);
            boolean pass = t.transport() == Transport.TLS ? checkTls(out, t, rt, cas, policy, timeoutMs) : checkPlain(out, t, rt, timeoutMs);
            if (pass) {
                out.printf("result    PASS%n");
                return 0;
            }
        }
        out.printf("result    FAIL%n");
        return 1;
    }

    private boolean checkTls(PrintWriter out, CheckTarget t, ResolvedTarget rt, List<X509Certificate> cas,
                             WildcardPolicy policy, int timeoutMs) {
        TlsProbe.Handshake hs;
        long start = System.nanoTime();
        try {
            hs = TlsProbe.connect(rt.address(), rt.hostName(), timeoutMs);
        } catch (IOException e) {
            out.printf("tls       FAIL: %s%n", TlsFailures.explain(e));
            return false;
        }
        try (SSLSocket s = hs.socket()) {
            out.printf("tls       %s %s (%d ms)%n", hs.protocol(), hs.cipherSuite(), (System.nanoTime() - start) / 1_000_000);
            Instant now = clock.instant();
            for (int i = 0; i < hs.chain().size(); i++) {
                X509Certificate c = hs.chain().get(i);
                long days = Duration.between(now, c.getNotAfter().toInstant()).toDays();
                String expiry = now.isAfter(c.getNotAfter().toInstant()) ? "EXPIRED " + (-days) + " days ago"
                        : days + " days left";
                out.printf("cert[%d]   %s%n          issuer %s%n          valid %s to %s (%s)%n", i,
                        c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                        c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), expiry);
            }
            CertificateVerdicts.Report report = CertificateVerdicts.judge(hs.chain(), rt.hostName(), cas, clock);
            out.printf("name      %s%n", report.nameRule());
            for (WildcardPolicy wp : WildcardPolicy.values()) {
                out.printf("%-9s %s%n", wp.configName(), report.verdicts().get(wp).describe());
            }
            if (!report.verdicts().get(policy).accepted()) {
                out.printf("options   not sent: the certificate is refused under wildcard policy '%s'%n", policy.configName());
                return false;
            }
            return options(out, () -> OptionsProbe.overStream(s, t.requestUri(), Transport.TLS, t.scheme(), timeoutMs));
        } catch (IOException e) {
            out.printf("tls       connection error: %s%n", e.getMessage());
            return false;
        }
    }

    private boolean checkPlain(PrintWriter out, CheckTarget t, ResolvedTarget rt, int timeoutMs) {
        if (t.transport() == Transport.UDP) {
            return options(out, () -> OptionsProbe.overUdp(rt.address(), t.requestUri(), timeoutMs));
        }
        try (Socket s = new Socket()) {
            s.connect(rt.address(), timeoutMs);
            out.printf("tcp       connected from %s:%d%n", s.getLocalAddress().getHostAddress(), s.getLocalPort());
            return options(out, () -> OptionsProbe.overStream(s, t.requestUri(), Transport.TCP, t.scheme(), timeoutMs));
        } catch (IOException e) {
            out.printf("tcp       FAIL: %s%n", e.getMessage());
            return false;
        }
    }

    private interface Exchange {
        OptionsProbe.Response run() throws IOException;
    }

    private static boolean options(PrintWriter out, Exchange x) {
        long start = System.nanoTime();
        try {
            OptionsProbe.Response r = x.run();
            out.printf("options   %s (%d ms)%n", r.statusLine(), (System.nanoTime() - start) / 1_000_000);
            for (String h : List.of("Server", "User-Agent", "Allow", "Supported", "Warning")) {
                String v = r.header(h);
                if (v != null) {
                    out.printf("          %s: %s%n", h, v);
                }
            }
            return r.status() >= 200 && r.status() < 300;
        } catch (IOException e) {
            out.printf("options   FAIL: %s%n", e.getMessage());
            return false;
        }
    }

    static int parseTimeout(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            long ms;
            if (v.endsWith("ms")) {
                ms = Long.parseLong(v.substring(0, v.length() - 2).trim());
            } else if (v.endsWith("s")) {
                ms = Long.parseLong(v.substring(0, v.length() - 1).trim()) * 1000;
            } else {
                ms = Long.parseLong(v) * 1000;
            }
            if (ms >= 100 && ms <= 120_000) {
                return (int) ms;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--timeout '" + s + "': expected a duration from 100ms to 120s, e.g. 5s");
    }

    private static List<X509Certificate> trustedCas(Path bundle) {
        if (bundle != null) {
            return CertificateFiles.readCaBundle(bundle);
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return Arrays.asList(x.getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK trust store: " + e.getMessage(), e);
        }
        return List.of();
    }
}
