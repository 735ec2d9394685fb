package com.securetrunk.gateway.app.demo;

import com.securetrunk.gateway.app.Gateway;
import com.securetrunk.gateway.app.logging.LogLevels;
import com.securetrunk.gateway.config.AppConfigLoader;
import com.securetrunk.gateway.config.LoadedConfig;
import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.Transport;
import com.securetrunk.gateway.tls.PeerNameMatcher;
import com.securetrunk.gateway.tls.WildcardPolicy;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.tls.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the demo and prints a few plain lines; exit 0 when both calls connected with audio verified both ways.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try it: one call each way between a simulated PBX and secure domain (no setup).",
                "Starts the gateway, a simulated Asterisk and a simulated secure domain on loopback, places a call each way",
                "and checks the audio sample by sample. Exit status 0 when both calls carried verified audio both ways."})
public final class DemoCommand implements Callable<Integer> {
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    static final String PBX_PROFILE = "asterisk-chan_sip";
    static final String SECURE_PROFILE = "twilio-secure";
    /** 20 ms frames: at least this many must match sample for sample at each end. */
    static final int MIN_FRAMES = 40;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "2", paramLabel = "N", description = "Audio per call in seconds (1-30). Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--verbose", description = "Keep the gateway's and simulators' INFO logs (stderr).")
    boolean verbose;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (seconds < 1 || seconds > 30) {
            spec.commandLine().getErr().println("demo: --seconds must be from 1 to 30 (found " + seconds + ")");
            return 2;
        }
        if (!verbose) {
            quietLogs();
        }
        Path dir = Files.createTempDirectory("securetrunk-demo");
        out.println("SecureTrunk demo: gateway + simulated Asterisk 20 (PBX, plain SIP/RTP) + simulated secure domain"
                + " (SIP/TLS, SRTP) on 127.0.0.1");
        out.flush();
        out.println("setup         generating a throw-away test CA and certificates, starting the three parts ...");
        out.flush();
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).sipPort(0).withSipUa().start();
             SecureDomain domain = SecureDomain.start(SecureDomain.config().pki(pki).name("secure-domain"));
             Gateway gateway = startGateway(dir, pki, pbx.sipUa().orElseThrow().port(com.securetrunk.testpbx.sip.Transport.UDP),
                     domain.tlsPort())) {
            out.printf("profiles      PBX side %s, secure side %s%n", PBX_PROFILE, SECURE_PROFILE);
            out.printf("listening     legacy udp %d, secure tls %d; PBX sip %d, secure domain tls %d%n",
                    gateway.legacyPort(Transport.UDP), gateway.secureTlsPort(),
                    pbx.sipUa().orElseThrow().port(com.securetrunk.testpbx.sip.Transport.UDP), domain.tlsPort());
            out.flush();
            SipUa pbxUa = pbx.sipUa().orElseThrow();
            boolean first = outbound(pbxUa, domain, gateway, pki);
            boolean second = inbound(pbxUa, domain, gateway, pki);
            boolean ok = first && second;
            out.printf("result        %s%n", ok ? "PASS: both calls succeeded with audio verified both ways"
                    : "FAIL: " + (first ? "" : "call 1 failed") + (first || second ? "" : ", ") + (second ? "" : "call 2 failed"));
            out.flush();
            return ok ? 0 : 1;
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Only warnings, and none from JAIN-SIP: when the demo closes its stacks, JAIN-SIP logs the peer's keep-alive on
     * a closing TLS connection as an ERROR with a stack trace, which says nothing about the demo. jitsi-srtp logs
     * its start through java.util.logging.
     */
    private static void quietLogs() {
        LogLevels.setRoot("warn");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("gov.nist")).setLevel(ch.qos.logback.classic.Level.OFF);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private static Gateway startGateway(Path dir, TestPki pki, int pbxPort, int domainTlsPort) throws Exception {
        TestPki.Issued cert = pki.issue("gateway", "gw.example.test");
        String conf = """
                securetrunk {
                  sip.legacy { listen-addresses = ["127.0.0.1"], transports = [udp], udp-port = 0 }
                  sip.secure { listen-addresses = ["127.0.0.1"], tls-port = 0 }
                  pbx {
                    allowed-sources = ["127.0.0.1"]
                    profile = %s
                    target { host = "127.0.0.1", port = %d, transport = udp }
                  }
                  secure-domain {
                    profile = %s
                    targets = [ { host = "%s", port = %d } ]
                  }
                  tls { certificate = "%s", private-key = "%s", ca-bundle = "%s" }
                  media { bind-address = "127.0.0.1", port-min = 40000, port-max = 44999, event-loops = 1 }
                }
                """.formatted(PBX_PROFILE, pbxPort, SECURE_PROFILE, TestPki.DOMAIN_HOST, domainTlsPort,
                hocon(cert.certPem()), hocon(cert.keyPem()), hocon(pki.caPem()));
        Path file = dir.resolve("demo.conf");
        Files.writeString(file, conf);
        LoadedConfig loaded = AppConfigLoader.load(Optional.of(file), Map.of());
        return Gateway.start(loaded, new DnsTargetResolver(new LoopbackTestNames()));
    }

    private static String hocon(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Call 1: the PBX dials out; the gateway takes it to the secure domain over TLS with SRTP. */
    private boolean outbound(SipUa pbx, SecureDomain domain, Gateway gateway, TestPki pki) throws InterruptedException {
        AtomicReference<Call> far = new AtomicReference<>();
        domain.onIncomingCall(far::set);
        Call call = pbx.call(CallRequest.to("sip:+15551230001@127.0.0.1:" + gateway.legacyPort(Transport.UDP)));
        return run("call 1", "PBX -> secure domain", call, far, domain, pki, true);
    }

    /** Call 2: the secure domain calls in over TLS ({@code ;secure=true}, AES_CM_128_HMAC_SHA1_80 only); the PBX answers. */
    private boolean inbound(SipUa pbx, SecureDomain domain, Gateway gateway, TestPki pki) throws InterruptedException {
        AtomicReference<Call> far = new AtomicReference<>();
        pbx.onIncomingCall(far::set);
        Call call = domain.call("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true");
        return run("call 2", "secure domain -> PBX", call, far, domain, pki, false);
    }

    private boolean run(String name, String path, Call caller, AtomicReference<Call> farRef, SecureDomain domain, TestPki pki,
                        boolean fromPbx) throws InterruptedException {
        if (!caller.awaitState(CallState.ANSWERED, ANSWER_WAIT) || farRef.get() == null) {
            out.printf("%-13s %s: NOT answered (%s)%n", name, path, caller.endReason().map(Object::toString).orElse(caller.state().toString()));
            caller.hangup();
            return false;
        }
        Call callee = farRef.get();
        callee.awaitState(CallState.ANSWERED, ANSWER_WAIT);
        Call secureEnd = fromPbx ? callee : caller;
        Call pbxEnd = fromPbx ? caller : callee;
        out.printf("%-13s %s: answered%n", name, path);
        out.printf("  tls         %s%n", tls(secureEnd, fromPbx, domain, pki));
        out.printf("  srtp        %s on the secure leg, plain RTP on the PBX leg%n", suite(secureEnd));
        out.flush();
        progress(name, pbxEnd, secureEnd);
        AudioReport atPbx = pbxEnd.audioReport();
        AudioReport atSecure = secureEnd.audioReport();
        caller.hangup();
        callee.awaitState(CallState.ENDED, ANSWER_WAIT);
        List<String> pbxProblems = atPbx.problems(MIN_FRAMES);
        List<String> secureProblems = atSecure.problems(MIN_FRAMES);
        out.printf("  packets     PBX -> secure domain %d received, secure domain -> PBX %d received%n",
                atSecure.packetsReceived(), atPbx.packetsReceived());
        boolean ok = pbxProblems.isEmpty() && secureProblems.isEmpty();
        out.printf("  audio       %s%n", ok
                ? "verified both ways (" + atSecure.framesMatched() + " and " + atPbx.framesMatched() + " frames matched sample for sample)"
                : "NOT verified: " + (secureProblems.isEmpty() ? "" : "at the secure domain: " + secureProblems + " ")
                + (pbxProblems.isEmpty() ? "" : "at the PBX: " + pbxProblems));
        out.flush();
        return ok;
    }

    /** One line, rewritten in place on a terminal, while the audio flows. */
    private void progress(String name, Call pbxEnd, Call secureEnd) throws InterruptedException {
        boolean terminal = System.console() != null;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int tick = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            tick++;
            String line = String.format("  ...         %s running %.1f s: %d packets at the secure domain, %d at the PBX",
                    name, tick / 2.0, secureEnd.audioReport().packetsReceived(), pbxEnd.audioReport().packetsReceived());
            if (terminal) {
                out.print("\r" + line);
            } else if (tick % 2 == 0) {
                out.println(line);
            }
            out.flush();
        }
        if (terminal) {
            out.println();
        }
    }

    private static String tls(Call secureEnd, boolean gatewayIsClient, SecureDomain domain, TestPki pki) {
        String info = secureEnd.tlsInfo() == null ? "(TLS details not reported)" : secureEnd.tlsInfo();
        if (gatewayIsClient) {
            var leaf = pki.leaf(domain.certificate()).certificate();
            PeerNameMatcher.Result strict = PeerNameMatcher.match(leaf, TestPki.DOMAIN_HOST, WildcardPolicy.STRICT);
            return info + "; gateway verified the secure domain's certificate: chain to the test CA, name "
                    + TestPki.DOMAIN_HOST + " " + (strict.outcome() == PeerNameMatcher.Outcome.EXACT
                    ? "matches exactly (strict and tolerate both accept)" : "outcome " + strict.outcome());
        }
        return info + "; the secure domain verified the gateway's certificate against the test CA";
    }

    private static String suite(Call secureEnd) {
        String sdp = secureEnd.direction() == Call.Direction.OUTGOING ? secureEnd.remoteSdp() : secureEnd.localSdp();
        Matcher m = Pattern.compile("a=crypto:\\d+ (\\S+)").matcher(sdp == null ? "" : sdp);
        return m.find() ? m.group(1) : "(no crypto line!)";
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }

    /** The demo's names ({@code *.example.test}) are on this machine; there is no DNS for them. */
    private static final class LoopbackTestNames implements DnsTargetResolver.Lookup {
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
    }
}
