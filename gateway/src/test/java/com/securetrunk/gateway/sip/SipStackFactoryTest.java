package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.securetrunk.gateway.tls.CipherSuites;
import com.securetrunk.gateway.tls.ClientHelloView;
import com.securetrunk.gateway.tls.LogCapture;
import com.securetrunk.gateway.tls.PolicyTrustManager;
import com.securetrunk.gateway.tls.TestPki;
import com.securetrunk.gateway.tls.TlsContextFactory;
import com.securetrunk.gateway.tls.TlsIdentity;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import com.securetrunk.gateway.tls.TlsVersion;
import com.securetrunk.gateway.tls.WildcardPolicy;
import com.securetrunk.gateway.tls.WildcardToleranceLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two JAIN-SIP RI stacks built by {@link SipStackFactory} exchange OPTIONS over UDP, TCP and TLS on loopback, with
 * the TLS policy visible at the SIP level.
 */
class SipStackFactoryTest {
    private static final TestPki PKI = new TestPki("sip");
    private static final String V4 = "127.0.0.1";
    private static final long WAIT_MS = 10_000;
    /** A refused TLS connection fails the send at once (SipException); waiting longer would only slow the suite. */
    private static final long REFUSAL_WAIT_MS = 3_000;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private static int stackCounter;

    private SipTestPeer peer(String address, int port, TlsIdentity id, TlsPeerPolicy server, OutboundTlsPolicies outbound,
                             Transport... transports) {
        return peer(address, port, id, server, outbound, SipStackLimits.defaults(), transports);
    }

    private SipTestPeer peer(String address, int port, TlsIdentity id, TlsPeerPolicy server, OutboundTlsPolicies outbound,
                             SipStackLimits limits, Transport... transports) {
        return peer(address, port, id, server, InboundTlsPolicies.fixed(server), outbound, limits, transports);
    }

    private SipTestPeer peer(String address, int port, TlsIdentity id, TlsPeerPolicy server, InboundTlsPolicies inbound,
                             OutboundTlsPolicies outbound, SipStackLimits limits, Transport... transports) {
        List<ListenPoint> lps = new ArrayList<>();
        for (Transport t : transports) {
            lps.add(new ListenPoint(address, t == Transport.TLS ? port + 1 : port, t));
        }
        TlsSide tls = new TlsSide(new TlsContextFactory(id, List.of(PKI.caCert)), server, inbound, outbound, 5_000);
        SipTestPeer p = new SipTestPeer(new SipStackSettings("test-" + (++stackCounter), lps, tls, limits));
        toClose.add(p);
        return p;
    }

    private static int freePair(String address) throws IOException {
        for (int i = 0; i < 20; i++) {
            int p = FreePorts.pick(address);
            try (ServerSocket next = new ServerSocket(p + 1, 1, InetAddress.getByName(address))) {
                return p; // p (UDP+TCP) and p+1 (TLS) are free
            } catch (IOException taken) {
                // try again
            }
        }
        throw new IOException("no free port pair");
    }

    @Test
    void propertiesConfigureEveryTlsQuirkDeliberately() {
        TlsSide tls = new TlsSide(new TlsContextFactory(PKI.leaf("gw.example.net"), List.of(PKI.caCert)),
                TlsPeerPolicy.secureDomain(null), OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), 5_000);
        Properties p = SipStackFactory.properties(new SipStackSettings("props",
                List.of(new ListenPoint(V4, 5061, Transport.TLS)), tls, SipStackLimits.defaults().withMaxMessageSize(8192)));
        assertThat(p.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES").split(","))
                .isNotEmpty().noneMatch(CipherSuites::isWeak)
                .doesNotContain("TLS_RSA_WITH_AES_128_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA");
        assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Disabled");
        assertThat(p.getProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY")).endsWith("OIOMessageProcessorFactory");
        assertThat(p.getProperty("gov.nist.javax.sip.NETWORK_LAYER")).isEqualTo(PolicyNetworkLayer.class.getName());
        assertThat(p.getProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY")).isEqualTo(NegotiatedSuiteTlsSecurityPolicy.class.getName());
        assertThat(p.getProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER")).isEqualTo(PolicySecurityManagerProvider.class.getName());
        // the guard enforces the 8192 (and answers 413); the stack's own limit sits out of its way: 2 * 8192 + 4096
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("20480");
    }

    @Test
    void limitsComeFromTheApplicationConfig() {
        var config = new com.securetrunk.gateway.config.LimitsConfig(100, 16_384, 10, java.time.Duration.ofSeconds(3));
        SipStackLimits limits = SipStackLimits.fromConfig(config);
        assertThat(limits.maxMessageSize()).isEqualTo(16_384);
        assertThat(limits.sslHandshakeTimeoutMs()).isEqualTo(3_000);
        var tooSmall = new com.securetrunk.gateway.config.LimitsConfig(100, 1_000, 10, java.time.Duration.ofSeconds(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SipStackLimits.fromConfig(tooSmall))
                .hasMessageContaining("max-sip-message-size").hasMessageContaining("4096");
    }

    @Test
    void optionsOverUdpTcpAndTlsOnIpv4() throws Exception {
        int a = freePair(V4);
        int b = freePair(V4);
        TlsPeerPolicy toB = TlsPeerPolicy.secureDomain("sip.example.com");
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(toB), Transport.UDP, Transport.TCP, Transport.TLS);
        SipTestPeer peerB = peer(V4, b, PKI.leaf("sip.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.UDP, Transport.TCP, Transport.TLS);
        assertThat(peerA.options(V4, Transport.UDP, V4, b, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
        assertThat(peerA.options(V4, Transport.TCP, V4, b, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
        assertThat(peerA.options(V4, Transport.TLS, V4, b + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
        assertThat(peerB.requestsReceived).containsExactly("OPTIONS", "OPTIONS", "OPTIONS");
    }

    @Test
    void optionsOverUdpTcpAndTlsOnIpv6() throws Exception {
        String v6 = "::1";
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(v6))) {
            assumeTrue(probe.isBound());
        } catch (IOException noIpv6) {
            assumeTrue(false, "no IPv6 loopback here");
        }
        int a = freePair(v6);
        int b = freePair(v6);
        SipTestPeer peerA = peer(v6, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain("sip6.example.com")), Transport.UDP, Transport.TCP, Transport.TLS);
        peer(v6, b, PKI.leaf("sip6.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.UDP, Transport.TCP, Transport.TLS);
        for (Transport t : Transport.values()) {
            assertThat(peerA.options(v6, t, "[::1]", t == Transport.TLS ? b + 1 : b, WAIT_MS)).as("%s", t)
                    .isEqualTo(new SipTestPeer.Outcome(200, null));
        }
    }

    @Test
    void wildcardCertificateUnderStrictFailsTheRequestAndLogsRfc5922ThenTolerateSucceeds() throws Exception {
        int b = freePair(V4);
        peer(V4, b, PKI.leaf("*.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        InetSocketAddress bTls = new InetSocketAddress(V4, b + 1);

        int a = freePair(V4);
        TlsPeerPolicy strict = TlsPeerPolicy.secureDomain("sip.example.com");
        SipTestPeer strictA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.byAddress(Map.of(bTls, strict), TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        try (LogCapture log = new LogCapture(PolicyTrustManager.class)) {
            SipTestPeer.Outcome o = strictA.options(V4, Transport.TLS, V4, b + 1, REFUSAL_WAIT_MS);
            assertThat(o.ok()).as("%s", o).isFalse();
            assertThat(o.failure()).as("the send fails with the refusal as its reason").contains("RFC 5922 section 7.2");
            assertThat(log.messagesContaining("RFC 5922 section 7.2")).isNotEmpty();
            assertThat(log.messages().get(0)).contains("sip.example.com").contains("*.example.com");
        }

        int a2 = freePair(V4);
        TlsPeerPolicy tolerate = strict.withWildcardPolicy(WildcardPolicy.TOLERATE);
        SipTestPeer tolerantA = peer(V4, a2, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.byAddress(Map.of(bTls, tolerate), TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        try (LogCapture log = new LogCapture(WildcardToleranceLog.class)) {
            for (int i = 0; i < 3; i++) {
                assertThat(tolerantA.options(V4, Transport.TLS, V4, b + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
            }
            assertThat(log.messagesContaining("sip.example.com")).hasSize(1);
        }
    }

    @Test
    void unknownCaAndExpiredCertificatesFailTheRequest() throws Exception {
        int a = freePair(V4);
        TestPki rogue = new TestPki("rogue-sip");
        int b = freePair(V4);
        peer(V4, b, rogue.leaf("sip.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain("sip.example.com")), Transport.TLS);
        try (LogCapture log = new LogCapture(PolicyTrustManager.class)) {
            assertThat(peerA.options(V4, Transport.TLS, V4, b + 1, REFUSAL_WAIT_MS).ok()).isFalse();
            assertThat(log.messagesContaining("not in the CA bundle")).isNotEmpty();
        }
    }

    @Test
    void outboundTlsFromTheStackSendsSniAndOnlyStrongSuites() throws Exception {
        int a = freePair(V4);
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain("sip.example.com")), Transport.TLS);
        try (ServerSocket raw = new ServerSocket(0, 4, InetAddress.getByName(V4))) {
            raw.setSoTimeout(10_000);
            CompletableFuture<ClientHelloView> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket s = raw.accept()) {
                    s.setSoTimeout(10_000);
                    return ClientHelloView.read(s.getInputStream());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            peerA.options(V4, Transport.TLS, V4, raw.getLocalPort(), 3_000);
            ClientHelloView h = hello.get(15, TimeUnit.SECONDS);
            assertThat(h.serverName()).isEqualTo("sip.example.com");
            assertThat(h.cipherSuites()).isNotEmpty().allMatch(ClientHelloView::isStrongOrScsv, "strong suite");
        }
    }

    @Test
    void legacyStackAcceptsATls10PbxOnlyWhenAllowed() throws Exception {
        TlsPeerPolicy pbxTls10 = TlsPeerPolicy.legacyPbx("legacy-gw.example.net").withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0);
        int pbx = freePair(V4);
        // A stack standing in for a PJSIP 2.5-era PBX: TLS 1.0 only, as client and server (JAIN-SIP applies the
        // stack-wide protocol list to its outbound sockets too).
        SipTestPeer oldPbx = peer(V4, pbx, PKI.leaf("pbx.example.org"), pbxTls10.withExpectedHostName(null),
                OutboundTlsPolicies.fixed(pbxTls10), Transport.TLS);

        int allowing = freePair(V4);
        peer(V4, allowing, PKI.leaf("legacy-gw.example.net"),
                TlsPeerPolicy.legacyPbx(null).withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_3),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.legacyPbx(null)), Transport.TLS);
        assertThat(oldPbx.options(V4, Transport.TLS, V4, allowing + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));

        int secure = freePair(V4);
        peer(V4, secure, PKI.leaf("legacy-gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        SipTestPeer.Outcome refused = oldPbx.options(V4, Transport.TLS, V4, secure + 1, REFUSAL_WAIT_MS);
        assertThat(refused.ok()).as("%s", refused).isFalse();
        // BCJSSE reports the refusal as a plain IOException, which JAIN-SIP would swallow; HandshakeFailureSslSocket
        // maps it so the send fails at once instead of waiting for Timer F.
        assertThat(refused.failure()).startsWith("send failed").contains("protocol_version");
    }

    /**
     * The JAIN-SIP RI dead-socket quirk (RestComm/jain-sip#188: first request after idle fails on a connection the
     * peer has closed). With OIO the reader thread sees the close and evicts the socket, so the next send opens a new
     * connection. Covered for a graceful close (close_notify + FIN) and for a TCP RST.
     */
    @Test
    void requestAfterThePeerClosedAnIdleTlsConnectionSucceeds() throws Exception {
        for (boolean reset : new boolean[]{false, true}) {
            TlsContextFactory uasContexts = new TlsContextFactory(PKI.leaf("sip.example.com"), List.of(PKI.caCert));
            try (IdleClosingTlsUas uas = new IdleClosingTlsUas(uasContexts, TlsPeerPolicy.secureDomain(null), 300, reset)) {
                int a = freePair(V4);
                SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                        OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain("sip.example.com")), Transport.TLS);
                assertThat(peerA.options(V4, Transport.TLS, V4, uas.port(), WAIT_MS)).as("first, reset=%s", reset)
                        .isEqualTo(new SipTestPeer.Outcome(200, null));
                Thread.sleep(1_000); // > 3x the peer's idle limit: the connection is gone
                assertThat(peerA.options(V4, Transport.TLS, V4, uas.port(), WAIT_MS)).as("after idle, reset=%s", reset)
                        .isEqualTo(new SipTestPeer.Outcome(200, null));
                assertThat(uas.connections.get()).as("a new connection after the idle close").isEqualTo(2);
                assertThat(uas.requests.get()).isEqualTo(2);
            }
        }
    }

    @Test
    void tlsClientThatStallsMidHandshakeIsDisconnectedAfterTheHandshakeTimeout() throws Exception {
        int b = freePair(V4);
        SipTestPeer peerB = peer(V4, b, PKI.leaf("sip.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), SipStackLimits.defaults().withSslHandshakeTimeoutMs(2_000),
                Transport.TLS);
        try (Socket stalled = new Socket(V4, b + 1)) {
            stalled.setSoTimeout(8_000);
            // The first bytes of a ClientHello record, then nothing.
            stalled.getOutputStream().write(new byte[]{22, 3, 1, 0, (byte) 200, 1, 0, 0});
            stalled.getOutputStream().flush();
            long start = System.nanoTime();
            boolean closed = false;
            try {
                // At most an alert record (21) arrives before the end of the stream.
                for (int i = 0; i < 64 && !closed; i++) {
                    closed = stalled.getInputStream().read() == -1;
                }
            } catch (IOException reset) {
                closed = true;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed).as("server closed the stalled connection").isTrue();
            assertThat(ms).as("closed by the 2 s handshake watchdog, not by our 8 s read timeout").isLessThan(7_000);
        }
        // ... and the listener still serves a real client.
        int a = freePair(V4);
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain("sip.example.com")), Transport.TLS);
        assertThat(peerA.options(V4, Transport.TLS, V4, b + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
        assertThat(peerB.requestsReceived).containsExactly("OPTIONS");
    }

    @Test
    void messageLargerThanMaxMessageSizeIsNotDelivered() throws Exception {
        int b = freePair(V4);
        SipTestPeer peerB = peer(V4, b, PKI.leaf("sip.example.com"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), SipStackLimits.defaults().withMaxMessageSize(4096),
                Transport.TCP);
        String filler = "x".repeat(8_000);
        String big = "OPTIONS sip:" + V4 + ":" + b + ";transport=tcp SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP " + V4 + ":5999;branch=z9hG4bKbig1\r\n"
                + "From: <sip:a@" + V4 + ">;tag=1\r\nTo: <sip:b@" + V4 + ">\r\nCall-ID: big@test\r\nCSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\nSubject: " + filler + "\r\nContent-Length: 0\r\n\r\n";
        try (Socket s = new Socket(V4, b)) {
            s.setSoTimeout(5_000);
            try {
                s.getOutputStream().write(big.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.getInputStream().read(); // the stack drops the connection (or never answers)
            } catch (IOException droppedOrTimedOut) {
                // either is a refusal
            }
        }
        assertThat(peerB.requestsReceived).isEmpty();
        // A normal-sized request on a new connection still gets through.
        int a = freePair(V4);
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TCP);
        assertThat(peerA.options(V4, Transport.TCP, V4, b, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
    }

    @Test
    void targetByHostNameIsVerifiedAgainstThatName() throws Exception {
        // No expected name in the policy: JAIN-SIP resolves "localhost" and the name it resolved is what we verify.
        int good = freePair(V4);
        peer(V4, good, PKI.leaf("localhost"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        int ipOnly = freePair(V4);
        peer(V4, ipOnly, PKI.leaf("pbx", List.of(), List.of("127.0.0.1"), List.of()), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        int a = freePair(V4);
        SipTestPeer peerA = peer(V4, a, PKI.leaf("gw.example.net"), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        assertThat(peerA.options(V4, Transport.TLS, "localhost", good + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
        try (LogCapture log = new LogCapture(PolicyTrustManager.class)) {
            SipTestPeer.Outcome o = peerA.options(V4, Transport.TLS, "localhost", ipOnly + 1, REFUSAL_WAIT_MS);
            assertThat(o.ok()).isFalse();
            assertThat(log.messagesContaining("do not match the expected host localhost")).isNotEmpty();
        }
        // The same kind of IP-only certificate is fine when the target is the IP itself (IP SAN). A fresh server: JAIN-SIP
        // caches its channel per IP:port, with the name of the first request to it.
        int ipOnly2 = freePair(V4);
        peer(V4, ipOnly2, PKI.leaf("pbx", List.of(), List.of("127.0.0.1"), List.of()), TlsPeerPolicy.secureDomain(null),
                OutboundTlsPolicies.fixed(TlsPeerPolicy.secureDomain(null)), Transport.TLS);
        assertThat(peerA.options(V4, Transport.TLS, V4, ipOnly2 + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));
    }

    @Test
    void legacyListenerLetsOnlyTheConfiguredPbxAddressUseTls10() throws Exception {
        String pbxAddress = "127.0.0.2";
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(pbxAddress))) {
            assumeTrue(probe.isBound());
        } catch (IOException noSecondLoopback) {
            assumeTrue(false, "127.0.0.2 is not usable here");
        }
        TlsPeerPolicy widest = TlsPeerPolicy.legacyPbx(null).withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_3);
        InboundTlsPolicies onlyThePbx = InboundTlsPolicies.bySource(
                Map.of(InetAddress.getByName(pbxAddress), widest), TlsPeerPolicy.legacyPbx(null));
        int gw = freePair(V4);
        SipTestPeer gateway = peer(V4, gw, PKI.leaf("legacy-gw.example.net"), widest, onlyThePbx,
                OutboundTlsPolicies.fixed(TlsPeerPolicy.legacyPbx(null)), SipStackLimits.defaults(), Transport.TLS);

        TlsPeerPolicy tls10 = TlsPeerPolicy.legacyPbx("legacy-gw.example.net").withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0);
        int pbx = freePair(pbxAddress);
        SipTestPeer configuredPbx = peer(pbxAddress, pbx, PKI.leaf("pbx.example.org"), tls10.withExpectedHostName(null),
                OutboundTlsPolicies.fixed(tls10), Transport.TLS);
        assertThat(configuredPbx.options(pbxAddress, Transport.TLS, V4, gw + 1, WAIT_MS)).isEqualTo(new SipTestPeer.Outcome(200, null));

        int other = freePair(V4);
        SipTestPeer otherSource = peer(V4, other, PKI.leaf("pbx.example.org"), tls10.withExpectedHostName(null),
                OutboundTlsPolicies.fixed(tls10), Transport.TLS);
        SipTestPeer.Outcome refused = otherSource.options(V4, Transport.TLS, V4, gw + 1, REFUSAL_WAIT_MS);
        assertThat(refused.ok()).as("%s", refused).isFalse();
        assertThat(gateway.requestsReceived).containsExactly("OPTIONS");
    }
}
