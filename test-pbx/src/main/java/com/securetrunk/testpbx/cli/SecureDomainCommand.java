package com.securetrunk.testpbx.cli;

import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.tls.TestPki;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code test-pbx secure-domain}: runs the simulated secure domain until Ctrl-C. */
@Command(name = "secure-domain", mixinStandardHelpOptions = true,
        description = {"Run a Twilio-like secure SIP domain: SIP over TLS, SRTP (AES_CM_128_HMAC_SHA1_80/_32, "
                + "no MKI) when Secure Media is enabled, RTP only when disabled.",
                "Certificates are generated at start (BouncyCastle) and written as PEM to --pki-dir."})
public final class SecureDomainCommand implements Callable<Integer> {
    @Option(names = "--secure-media", defaultValue = "enabled", paramLabel = "enabled|disabled",
            description = "Secure Media setting of the domain (default: ${DEFAULT-VALUE}).")
    String secureMedia;

    @Option(names = "--cert", defaultValue = "normal", paramLabel = "normal|wildcard|expired|unknown-ca",
            description = "Certificate presented on TLS (default: ${DEFAULT-VALUE}).")
    String cert;

    @Option(names = "--port", defaultValue = "5061", description = "TLS port (default: ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--plain-port", defaultValue = "0",
            description = "UDP/TCP port for plain SIP (refused with Secure Media enabled; default: any free port).")
    int plainPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--pki-dir", description = "Directory for the generated PEM files (default: a new temporary directory).")
    Path pkiDir;

    @Option(names = "--credential", paramLabel = "USER:PASSWORD",
            description = "Challenge INVITEs with digest auth; repeat for a credential list.")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--realm", defaultValue = "sip.example.test", description = "Digest realm (default: ${DEFAULT-VALUE}).")
    String realm;

    @Option(names = "--answer-delay-ms", defaultValue = "100", description = "Ring this long before answering.")
    long answerDelayMs;

    @Option(names = "--trust-ca", paramLabel = "PEM", description = "Extra CA certificates trusted when calling out over TLS.")
    Path trustCa;

    @Option(names = "--call", paramLabel = "URI",
            description = "After start, call this URI like <Dial><Sip>; add ;secure=true for TLS + SRTP.")
    String callUri;

    @Option(names = "--destination", paramLabel = "HOST:PORT", description = "Send the --call INVITE here.")
    String destination;

    @Option(names = "--call-seconds", defaultValue = "5", description = "Hang the --call up after this many seconds.")
    int callSeconds;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        boolean secure = switch (secureMedia.toLowerCase(java.util.Locale.ROOT)) {
            case "enabled", "on", "true" -> true;
            case "disabled", "off", "false" -> false;
            default -> throw new IllegalArgumentException("--secure-media: expected enabled or disabled, found '"
                    + secureMedia + "'");
        };
        TestPki.Leaf leaf = TestPki.Leaf.parse(cert);
        Path dir = pkiDir != null ? pkiDir : Files.createTempDirectory("securetrunk-pki");
        TestPki pki = TestPki.generate(dir);
        SecureDomain.Config cfg = SecureDomain.config().secureMedia(secure).certificate(leaf).pki(pki)
                .address(InetAddress.getByName(bind)).tlsPort(port).plainPort(plainPort).realm(realm)
                .autoAnswer(true, Duration.ofMillis(answerDelayMs));
        for (String c : credentials) {
            int colon = c.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--credential: expected USER:PASSWORD, found '" + c + "'");
            }
            cfg.credential(c.substring(0, colon), c.substring(colon + 1));
        }
        if (trustCa != null) {
            cfg.trust(Pem.certificates(trustCa));
        }
        SecureDomain domain = SecureDomain.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("secure-domain: stopping");
            domain.close();
            stopped.countDown();
        }, "secure-domain-shutdown"));
        domain.onIncomingCall(call -> {
            out.println("secure-domain: incoming call from " + call.remoteUri() + " over " + call.transport()
                    + (call.tlsInfo() == null ? "" : " (" + call.tlsInfo() + ")"));
            call.addListener(CallPrinter.forCall(out, "secure-domain"));
        });
        String host = domain.ua().address().getHostAddress();
        out.println("secure-domain: listening on TLS " + host + ":" + domain.tlsPort() + " with the " + leaf.fileStem()
                + " certificate " + pki.leaf(leaf).certPem() + " (" + pki.leaf(leaf).certificate()
                .getSubjectX500Principal().getName() + ")");
        out.println("secure-domain: plain SIP on UDP " + host + ":" + domain.plainPort(Transport.UDP) + " and TCP " + host
                + ":" + domain.plainPort(Transport.TCP) + (secure ? " (refused: Secure Media enabled)" : ""));
        out.println("secure-domain: Secure Media " + (secure
                ? "enabled: TLS required, SRTP AES_CM_128_HMAC_SHA1_80/_32 in offer order, no MKI"
                : "disabled: RTP only, RTP/SAVP refused"));
        out.println("secure-domain: CA certificate " + pki.caPem() + "; all PEM files in " + pki.directory());
        if (!credentials.isEmpty()) {
            out.println("secure-domain: digest authentication required (realm " + realm + ", " + credentials.size()
                    + " credential(s))");
        }
        out.println("secure-domain: running; press Ctrl-C to stop");
        out.flush();
        if (callUri != null) {
            InetSocketAddress dest = destination == null ? null : CallCommand.parseHostPort(destination);
            Call call = domain.call(callUri, dest);
            call.addListener(CallPrinter.forCall(out, "secure-domain"));
            if (call.awaitState(CallState.ANSWERED, Duration.ofSeconds(35))) {
                Thread.sleep(callSeconds * 1000L);
                call.hangup();
            }
        }
        stopped.await();
        return 0;
    }
}
