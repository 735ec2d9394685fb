package com.securetrunk.testpbx.secure;

import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.SdpStyle;
import com.securetrunk.testpbx.sip.SipParseException;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.SipUri;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A Twilio-like secure SIP domain. Rules (from Twilio's Secure Media documentation):
 * <ul>
 *   <li>Secure Media <b>enabled</b>: SIP must arrive over TLS and media must be SRTP (RTP/SAVP); anything else
 *       gets 488 with a Warning. Offers may carry AES_CM_128_HMAC_SHA1_80 and/or _32 in any order of
 *       preference; the first acceptable line in the offerer's order wins; keys with an MKI are refused.</li>
 *   <li>Secure Media <b>disabled</b>: RTP only; RTP/SAVP offers get 488; SIP may use TLS or not.</li>
 *   <li>Optional digest challenge against a credential list; OPTIONS are always answered.</li>
 *   <li>Outbound: {@code sip:...;secure=true} goes over TLS (default port 5061) offering only
 *       AES_CM_128_HMAC_SHA1_80 without MKI; without {@code secure=true} it goes out as plain RTP over UDP.</li>
 * </ul>
 */
public final class SecureDomain implements AutoCloseable {

    /** Settings; defaults: Secure Media enabled, normal certificate, TLS and plain SIP on ephemeral ports. */
    public static final class Config {
        boolean secureMedia = true;
        TestPki.Leaf certificate = TestPki.Leaf.NORMAL;
        TestPki pki;
        InetAddress address = InetAddress.getLoopbackAddress();
        int tlsPort = 0;
        int plainPort = 0;
        final Map<String, String> credentials = new LinkedHashMap<>();
        String realm = "sip.example.test";
        Duration answerDelay = Duration.ofMillis(100);
        boolean autoAnswer = true;
        final List<java.security.cert.X509Certificate> extraTrust = new java.util.ArrayList<>();
        String name = "secure-domain";
        com.securetrunk.testpbx.media.AudioFault answerFault = com.securetrunk.testpbx.media.AudioFault.NONE;

        public Config secureMedia(boolean enabled) {
            this.secureMedia = enabled;
            return this;
        }

        public Config certificate(TestPki.Leaf leaf) {
            this.certificate = leaf;
            return this;
        }

        /** Where certificates come from (default: {@link TestPki#shared()}). */
        public Config pki(TestPki p) {
            this.pki = p;
            return this;
        }

        public Config address(InetAddress a) {
            this.address = a;
            return this;
        }

        /** TLS port (5061 in real life; 0 = ephemeral). */
        public Config tlsPort(int port) {
            this.tlsPort = port;
            return this;
        }

        /**
         * Port for plain SIP on UDP and TCP (0: ephemeral, the default; -1: none). Plain INVITEs are refused
         * while Secure Media is enabled; the UDP socket is also what plain outbound calls are sent from.
         */
        public Config plainPort(int port) {
            this.plainPort = port;
            return this;
        }

        /** Adds a user to the credential list; with any user present, INVITEs are challenged. */
        public Config credential(String user, String password) {
            credentials.put(user, password);
            return this;
        }

        public Config realm(String r) {
            this.realm = r;
            return this;
        }

        public Config autoAnswer(boolean auto, Duration delay) {
            this.autoAnswer = auto;
            this.answerDelay = delay;
            return this;
        }

        /** CA certificates trusted for outbound TLS, besides the test CA (e.g. the gateway's own CA). */
        public Config trust(List<java.security.cert.X509Certificate> cas) {
            this.extraTrust.addAll(cas);
            return this;
        }

        public Config name(String n) {
            this.name = n;
            return this;
        }

        /** Deliberately damage the audio sent on answered calls. */
        public Config answerAudioFault(com.securetrunk.testpbx.media.AudioFault fault) {
            this.answerFault = fault;
            return this;
        }
    }

    private final Config cfg;
    private final SipUa ua;
    private final TestPki pki;

    private SecureDomain(Config cfg, SipUa ua, TestPki pki) {
        this.cfg = cfg;
        this.ua = ua;
        this.pki = pki;
    }

    public static Config config() {
        return new Config();
    }

    public static SecureDomain start(Config cfg) throws IOException {
        TestPki pki = cfg.pki != null ? cfg.pki : TestPki.shared();
        // one SSLContext serves both roles: its key manager presents our leaf to callers, its trust manager
        // checks the servers we call (the test CA plus any extra CAs)
        List<java.security.cert.X509Certificate> trusted = new java.util.ArrayList<>();
        trusted.add(pki.caCertificate());
        trusted.addAll(cfg.extraTrust);
        SSLContext tls = TestPki.context(pki.leaf(cfg.certificate), trusted);
        UaConfig ua = UaConfig.pbx()
                .name(cfg.name)
                .address(cfg.address)
                .ports(cfg.plainPort, cfg.plainPort, cfg.tlsPort)
                .tls(tls)
                .user("securedomain")
                .userAgent("SecureDomainSimulator/0.1 (SecureTrunk test-pbx)")
                .sdp(SdpStyle.SECURE_DOMAIN, "SecureDomain")
                .dtmfPayloadType(101)
                .realm(cfg.realm)
                .autoAnswer(cfg.autoAnswer, cfg.answerDelay)
                .answerAudioFault(cfg.answerFault);
        if (cfg.secureMedia) {
            ua.mediaSecurity(false, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32),
                    true, "Secure Media enabled");
        } else {
            ua.mediaSecurity(true, List.of(), false, "Secure Media disabled");
        }
        cfg.credentials.forEach(ua::credential);
        return new SecureDomain(cfg, SipUa.start(ua), pki);
    }

    public SipUa ua() {
        return ua;
    }

    public TestPki pki() {
        return pki;
    }

    public boolean secureMedia() {
        return cfg.secureMedia;
    }

    public TestPki.Leaf certificate() {
        return cfg.certificate;
    }

    public int tlsPort() {
        return ua.port(Transport.TLS);
    }

    /** Plain SIP port (UDP and TCP share it when configured), or -1. */
    public int plainPort(Transport t) {
        return ua.port(t);
    }

    public InetSocketAddress tlsAddress() {
        return new InetSocketAddress(cfg.address, tlsPort());
    }

    /** A URI that reaches this domain over TLS. */
    public String tlsUri(String user) {
        return "sip:" + user + "@" + SipUri.hostForUri(cfg.address.getHostAddress()) + ":" + tlsPort()
                + ";transport=tls";
    }

    public void onIncomingCall(Consumer<Call> handler) {
        ua.onIncomingCall(handler);
    }

    /**
     * Calls out like {@code <Dial><Sip>uri</Sip></Dial>}: with {@code ;secure=true} over TLS to port 5061 (or
     * the URI's port) offering only AES_CM_128_HMAC_SHA1_80; otherwise plain RTP over UDP (or the URI's
     * transport). The {@code secure} parameter is not sent on.
     */
    public Call call(String uri) {
        return call(uri, null);
    }

    /** As {@link #call(String)}, sending the INVITE to {@code destination} (for names that do not resolve). */
    public Call call(String uri, InetSocketAddress destination) {
        boolean secure;
        try {
            secure = "true".equalsIgnoreCase(SipUri.parse(uri).param("secure"));
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CallRequest req = CallRequest.to(uri).from("+15550100").stripSecureParam(true).destination(destination);
        if (secure) {
            req.transport(Transport.TLS).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        }
        return ua.call(req);
    }

    /** Full control (tests). */
    public Call call(CallRequest req) {
        return ua.call(req);
    }

    @Override
    public void close() {
        ua.close();
    }
}
