package com.securetrunk.gateway.app;

import com.securetrunk.gateway.app.calllog.CallLog;
import com.securetrunk.gateway.app.calllog.TraceEndpoint;
import com.securetrunk.gateway.app.metrics.AdminHttpServer;
import com.securetrunk.gateway.app.metrics.GatewayMetrics;
import com.securetrunk.gateway.sip.input.InputGuard;
import com.securetrunk.ami.AmiBridge;
import com.securetrunk.ami.ConnectionStatus;
import com.securetrunk.gateway.config.AppConfig;
import com.securetrunk.gateway.sip.CallObserver;
import com.securetrunk.gateway.sip.CallSummary;
import com.securetrunk.gateway.config.LoadedConfig;
import com.securetrunk.gateway.config.TlsConfig;
import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.netty.NettyMediaRelay;
import com.securetrunk.gateway.sdp.negotiation.ProfilePolicies;
import com.securetrunk.gateway.sip.B2bua;
import com.securetrunk.gateway.sip.B2buaSettings;
import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.ListenPoint;
import com.securetrunk.gateway.sip.Side;
import com.securetrunk.gateway.sip.SipStackFactory;
import com.securetrunk.gateway.sip.SipStackHandle;
import com.securetrunk.gateway.sip.SipStackLimits;
import com.securetrunk.gateway.sip.SipStackSettings;
import com.securetrunk.gateway.sip.TargetResolver;
import com.securetrunk.gateway.sip.TlsSide;
import com.securetrunk.gateway.sip.Transport;
import com.securetrunk.gateway.tls.CertificateFiles;
import com.securetrunk.gateway.tls.ClientAuth;
import com.securetrunk.gateway.tls.DevelopmentCertificate;
import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsIdentity;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import com.securetrunk.gateway.tls.TlsVersion;
import com.securetrunk.gateway.tls.WildcardPolicy;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.TlsSettings;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the media relay, the B2BUA and its two JAIN-SIP stacks, built from the configuration.
 *
 * <p>Two stacks, not one: JAIN-SIP RI 1.3.0-91 makes TLS protocols, cipher suites and the client-auth mode
 * stack-wide ({@code TLS_CLIENT_PROTOCOLS}, {@code ENABLED_CIPHER_SUITES}, {@code TLS_CLIENT_AUTH_TYPE}), and the
 * legacy side may need TLS 1.0 for an old PBX while the secure side must refuse it. A stack has one listener, the
 * B2BUA's, per side. Within a stack there is one provider per listen address (one listening point per transport).
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final AppConfig config;
    private final NettyMediaRelay relay;
    private final B2bua b2bua;
    private final SipStackHandle legacy;
    private final SipStackHandle secure;
    private final List<ListenPoint> legacyPoints;
    private final List<ListenPoint> securePoints;
    private final GatewayMetrics metrics;
    private volatile AdminHttpServer admin;
    private volatile AmiBridge ami;
    private volatile boolean closed;

    private Gateway(AppConfig config, NettyMediaRelay relay, B2bua b2bua, SipStackHandle legacy, SipStackHandle secure,
                    List<ListenPoint> legacyPoints, List<ListenPoint> securePoints, GatewayMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.relay = relay;
        this.b2bua = b2bua;
        this.legacy = legacy;
        this.secure = secure;
        this.legacyPoints = legacyPoints;
        this.securePoints = securePoints;
    }

    /** Starts with DNS resolution through JNDI (RFC 3263). */
    public static Gateway start(LoadedConfig loaded) {
        return start(loaded, DnsTargetResolver.jndi());
    }

    /** Starts with {@code resolver} for target names (tests map names to loopback). */
    public static Gateway start(LoadedConfig loaded, TargetResolver resolver) {
        AppConfig c = loaded.config();
        Profile pbx = loaded.profiles().get(c.pbx().profile());
        Profile sec = loaded.profiles().get(c.secureDomain().profile());
        TlsIdentity identity = identity(c.tls());
        List<X509Certificate> cas = caBundle(c.tls());
        TlsContextFactory contexts = new TlsContextFactory(identity, cas);
        TlsPeerPolicy secureTls = policy(sec.tls(), ClientAuth.NONE);
        TlsPeerPolicy pbxTls = policy(pbx.tls(), ClientAuth.WANT);
        String mediaAddress = c.media().advertisedAddress().map(InetAddress::getHostAddress)
                .orElseGet(() -> advertisable(c.media().bindAddress()));
        // media bound to "::" (dual stack) also serves IPv6 peers, with an IPv6 address in their SDP
        java.util.Optional<String> mediaAddress6 = c.media().bindAddress() instanceof java.net.Inet6Address b && b.isAnyLocalAddress()
                ? java.util.Optional.of(advertisable6()) : java.util.Optional.empty();
        if (mediaAddress6.isPresent() && c.media().advertisedAddress().isEmpty()) {
            mediaAddress = advertisableV4();
        }
        B2buaSettings settings = new B2buaSettings(pbx, sec, ProfilePolicies.of(pbx), ProfilePolicies.of(sec), secureTls, pbxTls,
                c.pbx().allowedSources(), c.pbx().target(), c.secureDomain().targets(), c.secureDomain().digest(),
                c.sip().advertisedHost(), mediaAddress, mediaAddress6, c.limits().maxConcurrentCalls(), c.limits().inviteRatePerSource(),
                pbx.media().symmetricRtp(), sec.media().symmetricRtp(), c.sip().timerT1(),
                c.sip().inviteTimeout());
        B2bua.DynamicTlsPoliciesPair tables = B2bua.DynamicTlsPoliciesPair.of(settings);
        B2bua b2bua = new B2bua(settings, resolver, tables);
        RelayConfig rc = new RelayConfig(c.media().bindAddress().getHostAddress(), c.media().portMin(), c.media().portMax(),
                c.media().portQuarantine(), c.media().inactivityTimeout(), c.media().eventLoops(), c.media().nativeTransport());
        NettyMediaRelay relay = new NettyMediaRelay(rc, b2bua);
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.bindMedia(relay, relay.pool());
        metrics.bindSides(relay, b2bua::sessionIds);
        contexts.observeHandshakes(metrics);
        b2bua.observe(new FanOut(metrics, new CallLog()));
        int handshakeMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, c.limits().tlsHandshakeTimeout().toMillis()));
        SipStackLimits limits = new SipStackLimits(Math.max(SipStackLimits.MIN_MESSAGE_SIZE, c.limits().maxSipMessageSize()),
                1024, SipStackLimits.MAX_TRANSACTIONS, SipStackLimits.MAX_TRANSACTIONS, 8, handshakeMs, 5_000);
        int n = INSTANCES.incrementAndGet();
        List<ListenPoint> legacyPoints = new ArrayList<>();
        var l = c.sip().legacy();
        for (InetAddress a : l.listenAddresses()) {
            for (com.securetrunk.profiles.Transport t : l.transports()) {
                int port = switch (t) {
                    case UDP -> l.udpPort();
                    case TCP -> l.tcpPort();
                    case TLS -> l.tlsPort();
                };
                legacyPoints.add(new ListenPoint(a.getHostAddress(), freeIfZero(a, port, legacyPoints), Transport.valueOf(t.name())));
            }
        }
        List<ListenPoint> securePoints = new ArrayList<>();
        for (InetAddress a : c.sip().secure().listenAddresses()) {
            securePoints.add(new ListenPoint(a.getHostAddress(), freeIfZero(a, c.sip().secure().tlsPort(), securePoints), Transport.TLS));
        }
        SipStackHandle legacy = null;
        SipStackHandle secure = null;
        // the two stacks are independent: built side by side, which halves the start time on two cores
        java.util.concurrent.CompletableFuture<SipStackHandle> secureFuture = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> SipStackFactory.start(new SipStackSettings("secure-" + n, securePoints,
                        new TlsSide(contexts, secureTls, tables.secure(), 5_000), limits,
                        new InputGuard(Side.SECURE, limits.maxMessageSize(), c.sip().advertisedHost(), metrics)),
                        b2bua.listener(Side.SECURE)));
        try {
            legacy = SipStackFactory.start(new SipStackSettings("legacy-" + n, legacyPoints,
                    new TlsSide(contexts, pbxTls, tables.legacy(), 5_000), limits,
                    new InputGuard(Side.LEGACY, limits.maxMessageSize(), c.sip().advertisedHost(), metrics)),
                    b2bua.listener(Side.LEGACY));
            secure = joinStack(secureFuture);
            b2bua.attach(legacy, secure, relay);
        } catch (RuntimeException e) {
            if (legacy != null) {
                legacy.close();
            }
            if (secure == null) {
                try {
                    secure = joinStack(secureFuture);
                } catch (RuntimeException ignored) {
                    // already failing
                }
            }
            if (secure != null) {
                secure.close();
            }
            relay.close();
            throw e;
        }
        Gateway g = new Gateway(c, relay, b2bua, legacy, secure, List.copyOf(legacyPoints), List.copyOf(securePoints), metrics);
        if (c.metrics().enabled()) {
            try {
                g.admin = AdminHttpServer.start(new InetSocketAddress(c.metrics().address(), c.metrics().port()), metrics,
                        g::notReadyReasons, new TraceEndpoint(b2bua.trace()));
            } catch (IOException e) {
                g.close();
                throw new IllegalStateException("cannot listen for metrics on " + c.metrics().address().getHostAddress() + ":"
                        + c.metrics().port() + " (securetrunk.metrics.address/port): " + e.getMessage(), e);
            }
        }
        if (c.ami().enabled()) {
            try {
                // the trunk points the PBX at the port actually bound (legacy udp-port 0 picks one at start)
                g.ami = AmiBridgeSetup.start(c, g.legacyPort(Transport.UDP), new AmiCallListener(b2bua, relay))
                        .orElse(null);
            } catch (RuntimeException e) {
                g.close();
                throw e;
            }
            AmiBridge bridge = g.ami;
            if (bridge != null) {
                metrics.bindAmi(() -> bridge.status().connected());
            }
        }
        LOG.info("SecureTrunk listening: legacy {} (profile {}), secure {} (profile {}), media {} ports {}-{}",
                legacyPoints, pbx.name(), securePoints, sec.name(), mediaAddress, c.media().portMin(), c.media().portMax());
        return g;
    }

    private static SipStackHandle joinStack(java.util.concurrent.CompletableFuture<SipStackHandle> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static int freeIfZero(InetAddress a, int port, List<ListenPoint> taken) {
        if (port != 0) {
            return port;
        }
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, a)) {
                int p = tcp.getLocalPort();
                if (taken.stream().anyMatch(lp -> lp.port() == p)) {
                    continue;
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(a, p))) {
                    return p;
                } catch (IOException inUse) {
                    // another
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot find a free port on " + a.getHostAddress() + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no port free for TCP and UDP on " + a.getHostAddress() + " after 50 attempts");
    }

    private static String advertisable(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return bind.getHostAddress();
        }
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(InetAddress.getByName("192.0.2.1"), 9); // no packet is sent: only the route is looked up
            InetAddress local = s.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        } catch (IOException e) {
            // no route: loopback
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    private static String advertisableV4() {
        try {
            return advertisable(InetAddress.getByName("0.0.0.0"));
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static String advertisable6() {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(InetAddress.getByName("2001:db8::1"), 9); // route lookup only
            InetAddress local = s.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        } catch (IOException e) {
            // no IPv6 route: loopback
        }
        return "::1";
    }

    static TlsPeerPolicy policy(TlsSettings s, ClientAuth clientAuth) {
        return new TlsPeerPolicy(TlsVersion.valueOf(s.minVersion().name()), TlsVersion.valueOf(s.maxVersion().name()),
                s.verifyCertificates(), WildcardPolicy.valueOf(s.wildcardPolicy().name()), null, clientAuth);
    }

    private static TlsIdentity identity(TlsConfig t) {
        if (t.certificate().isPresent()) {
            char[] pw = t.keyPassword().isEmpty() ? null : t.keyPassword().reveal().toCharArray();
            return t.certificateIsPkcs12()
                    ? CertificateFiles.readPkcs12Identity(t.certificate().get(), pw == null ? new char[0] : pw)
                    : CertificateFiles.readPemIdentity(t.certificate().get(), t.privateKey().orElseThrow(
                            () -> new IllegalStateException("tls.private-key is required with a PEM tls.certificate")), pw);
        }
        Path dev = t.devCertificate().toAbsolutePath();
        return DevelopmentCertificate.loadOrCreate(dev, List.of("securetrunk.invalid"), Clock.systemUTC());
    }

    private static List<X509Certificate> caBundle(TlsConfig t) {
        if (t.caBundle().isPresent()) {
            return CertificateFiles.readCaBundle(t.caBundle().get());
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return Arrays.asList(x.getAcceptedIssuers());
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK trust store: " + e.getMessage(), e);
        }
        return List.of();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The admin HTTP port (metrics, health, readiness, trace), or -1 when metrics are disabled. */
    public int adminPort() {
        AdminHttpServer a = admin;
        return a == null ? -1 : a.port();
    }

    /**
     * Empty when ready to take calls: both stacks have all their listening points. (AMI readiness joins here
     * once the gateway starts the AMI bridge; see {@link GatewayMetrics#bindAmi}.)
     */
    public List<String> notReadyReasons() {
        List<String> why = new ArrayList<>();
        if (closed) {
            why.add("shutting down");
            return why;
        }
        why.addAll(missingPoints("legacy", legacy, legacyPoints.size()));
        why.addAll(missingPoints("secure", secure, securePoints.size()));
        AmiBridge b = ami;
        if (b != null && !b.status().connected()) {
            why.add("AMI not connected to " + config.ami().host() + ":" + config.ami().port());
        }
        return why;
    }

    private static List<String> missingPoints(String side, SipStackHandle h, int expected) {
        int n = 0;
        for (var it = h.stack().getListeningPoints(); it.hasNext(); it.next()) {
            n++;
        }
        return n >= expected ? List.of() : List.of(side + " side: " + n + " of " + expected + " listening points up");
    }

    /** The AMI bridge's connection, PBX identity and warnings; empty when {@code ami.enabled = false}. */
    public java.util.Optional<ConnectionStatus> amiStatus() {
        AmiBridge b = ami;
        return b == null ? java.util.Optional.empty() : java.util.Optional.of(b.status());
    }

    /** The running AMI bridge; empty when {@code ami.enabled = false}. */
    public java.util.Optional<AmiBridge> amiBridge() {
        return java.util.Optional.ofNullable(ami);
    }

    public B2bua b2bua() {
        return b2bua;
    }

    public NettyMediaRelay relay() {
        return relay;
    }

    public List<ListenPoint> legacyListenPoints() {
        return legacyPoints;
    }

    public List<ListenPoint> secureListenPoints() {
        return securePoints;
    }

    /** The legacy side's port for {@code t} on its first address, or -1. */
    public int legacyPort(Transport t) {
        return legacyPoints.stream().filter(lp -> lp.transport() == t).mapToInt(ListenPoint::port).findFirst().orElse(-1);
    }

    public int secureTlsPort() {
        return securePoints.get(0).port();
    }

    /** Lines saying where the gateway listens, for people and scripts. */
    public List<String> listeningSummary() {
        List<String> out = new ArrayList<>();
        for (ListenPoint lp : legacyPoints) {
            out.add("legacy " + lp);
        }
        for (ListenPoint lp : securePoints) {
            out.add("secure " + lp);
        }
        out.add("media " + config.media().bindAddress().getHostAddress() + " udp " + config.media().portMin() + "-"
                + config.media().portMax());
        return out;
    }

    /** Graceful stop: 503 to new calls, calls in progress may finish within the grace period, then BYE. */
    public void shutdown(java.time.Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        AmiBridge b = ami;
        if (b != null) {
            b.close(); // first: its Hangup events would otherwise race the calls the drain ends
        }
        b2bua.drain(grace);
        AdminHttpServer a = admin;
        if (a != null) {
            a.close();
        }
        secure.close();
        legacy.close();
        relay.close();
    }

    /** Stops at once (calls still up get a BYE). */
    @Override
    public void close() {
        shutdown(java.time.Duration.ZERO);
    }

    /** Passes each call event to several observers. */
    private record FanOut(CallObserver first, CallObserver second) implements CallObserver {
        @Override
        public void callStarted(CallSummary call) {
            first.callStarted(call);
            second.callStarted(call);
        }

        @Override
        public void callAnswered(CallSummary call) {
            first.callAnswered(call);
            second.callAnswered(call);
        }

        @Override
        public void callEnded(CallSummary call) {
            first.callEnded(call);
            second.callEnded(call);
        }

        @Override
        public void requestRefused(com.securetrunk.gateway.sip.Side side, int status, String rule) {
            first.requestRefused(side, status, rule);
            second.requestRefused(side, status, rule);
        }
    }
}
