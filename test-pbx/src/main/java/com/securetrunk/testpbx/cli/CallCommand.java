package com.securetrunk.testpbx.cli;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SdpStyle;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code test-pbx call URI}: the PBX's SIP side places one call, sends the known signal, optionally DTMF,
 * hangs up and prints the audio report. Exit code 0 when the received audio matched, 1 otherwise.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Place one call as the simulated PBX (plain SIP UA with real G.711), then print whether the "
                + "audio received matched the far side's known signal. Exit code 0 = audio verified."})
public final class CallCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URI", description = "Target, e.g. sip:600@127.0.0.1:5080")
    String uri;

    @Option(names = "--transport", description = "udp, tcp or tls (default: from the URI, else udp).")
    String transport;

    @Option(names = "--style", defaultValue = "chan-sip", paramLabel = "chan-sip|pjsip-2.5",
            description = "SDP flavour of the offer (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--version-string", defaultValue = "13.8-cert2",
            description = "Asterisk version shown in User-Agent and s= (default: ${DEFAULT-VALUE}).")
    String versionString;

    @Option(names = "--from", defaultValue = "555", description = "Caller user part (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--seconds", defaultValue = "5", description = "Talk time before hanging up (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--dtmf", description = "DTMF digits to send (RFC 4733) once answered.")
    String dtmf;

    @Option(names = "--srtp", split = ",", description = "Offer RTP/SAVP with these suites (e.g. AES_CM_128_HMAC_SHA1_80).")
    List<SrtpSuite> srtp = List.of();

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Local address (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--destination", paramLabel = "HOST:PORT", description = "Send the INVITE here instead of the URI's host.")
    String destination;

    @Option(names = "--trust-ca", paramLabel = "PEM", description = "CA certificates trusted for TLS (needed for tls).")
    Path trustCa;

    @Option(names = "--user", description = "Digest username for a 401/407 challenge.")
    String authUser;

    @Option(names = "--password", description = "Digest password.")
    String authPassword;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        SdpStyle sdp = switch (style.toLowerCase(Locale.ROOT)) {
            case "chan-sip", "chan_sip" -> SdpStyle.CHAN_SIP;
            case "pjsip-2.5", "pjsip" -> SdpStyle.PJSIP_2_5;
            default -> throw new IllegalArgumentException("--style: expected chan-sip or pjsip-2.5, found '" + style + "'");
        };
        UaConfig cfg = UaConfig.pbx().name("pbx").address(InetAddress.getByName(bind))
                .userAgent("Asterisk PBX " + versionString)
                .sdp(sdp, "Asterisk PBX " + versionString);
        if (trustCa != null) {
            cfg.tls(TestPki.context(null, Pem.certificates(trustCa)));
        }
        try (SipUa ua = SipUa.start(cfg)) {
            CallRequest req = CallRequest.to(uri).from(from).srtp(srtp.toArray(new SrtpSuite[0]));
            if (transport != null) {
                req.transport(Transport.parse(transport));
            }
            if (destination != null) {
                req.destination(parseHostPort(destination));
            }
            if (authUser != null) {
                req.credentials(authUser, authPassword == null ? "" : authPassword);
            }
            out.println("pbx: calling " + uri + " from " + ua.address().getHostAddress() + " (UDP " + ua.port(Transport.UDP)
                    + ", TCP " + ua.port(Transport.TCP) + "), SDP " + sdp);
            Call call = ua.call(req);
            call.addListener(CallPrinter.forCall(out, "pbx"));
            if (!call.awaitState(CallState.ANSWERED, Duration.ofSeconds(35))) {
                call.awaitState(CallState.ENDED, Duration.ofSeconds(2));
                out.println("pbx: not answered: " + call.endReason().map(Object::toString).orElse("timeout"));
                call.hangup();
                return 2;
            }
            if (dtmf != null) {
                call.sendDtmf(dtmf);
            }
            Thread.sleep(seconds * 1000L);
            call.hangup();
            call.awaitState(CallState.ENDED, Duration.ofSeconds(2));
            AudioReport report = call.audioReport();
            return report.isClean((long) seconds * 50 / 2) ? 0 : 1;
        }
    }

    static InetSocketAddress parseHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT, found '" + s + "'");
        }
        try {
            return new InetSocketAddress(s.substring(0, colon).replace("[", "").replace("]", ""),
                    Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a numeric port, found '" + s + "'");
        }
    }
}
