package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes on loopback between sockets built by {@link TlsContextFactory}: certificate, name, wildcard,
 * validity, CA and version policy, each from the side that enforces it.
 */
class TlsHandshakeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final TestPki PKI = new TestPki("trusted");
    private static final TestPki ROGUE = new TestPki("rogue");
    private static final TlsIdentity CLIENT_ID = PKI.leaf("gateway.example.net");

    /** What one handshake produced on each side. */
    record Outcome(String clientProtocol, String clientSuite, Throwable clientError, Throwable serverError) {
        boolean succeeded() {
            return clientError == null && serverError == null && clientProtocol != null;
        }

        CertificateRefusal refusal() {
            for (Throwable t : new Throwable[]{clientError, serverError}) {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    if (c instanceof CertificateRefusal r) {
                        return r;
                    }
                }
            }
            return null;
        }
    }

    /** Server with {@code serverId} under {@code serverPolicy}; client under {@code clientPolicy} connecting by IP. */
    static Outcome handshake(TlsIdentity serverId, TlsPeerPolicy serverPolicy, TlsContextFactory client, TlsPeerPolicy clientPolicy)
            throws Exception {
        return handshake(serverId, serverPolicy, client, clientPolicy, LOOPBACK);
    }

    static Outcome handshake(TlsIdentity serverId, TlsPeerPolicy serverPolicy, TlsContextFactory client, TlsPeerPolicy clientPolicy,
                             InetAddress connectTo) throws Exception {
        TlsContextFactory server = new TlsContextFactory(serverId, List.of(PKI.caCert));
        try (SSLServerSocket ss = server.listen(serverPolicy, 0, 4, LOOPBACK)) {
            ss.setSoTimeout(10_000);
            CompletableFuture<Throwable> serverSide = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getOutputStream().write('k');
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            String protocol = null;
            String suite = null;
            Throwable clientError = null;
            try (SSLSocket c = client.connect(clientPolicy, connectTo, ss.getLocalPort(), null, 5_000)) {
                c.setSoTimeout(10_000);
                c.startHandshake();
                if (c.getInputStream().read() != 'k') {
                    throw new IOException("server sent nothing after the handshake");
                }
                protocol = c.getSession().getProtocol();
                suite = c.getSession().getCipherSuite();
            } catch (Throwable t) {
                clientError = t;
            }
            return new Outcome(protocol, suite, clientError, serverSide.get(15, TimeUnit.SECONDS));
        }
    }

    static TlsContextFactory client() {
        return new TlsContextFactory(CLIENT_ID, List.of(PKI.caCert));
    }

    private static TlsPeerPolicy secureTo(String host) {
        return TlsPeerPolicy.secureDomain(host);
    }

    @Test
    void matchingCertificateConnectsWithTls13AndAStrongSuite() throws Exception {
        Outcome o = handshake(PKI.leaf("sip.example.com"), secureTo(null), client(), secureTo("sip.example.com"));
        assertThat(o.succeeded()).as("%s", o).isTrue();
        assertThat(o.clientProtocol()).isEqualTo("TLSv1.3");
        assertThat(CipherSuites.isWeak(o.clientSuite())).isFalse();
    }

    @Test
    void tls12OnlyNegotiatesAnEcdheGcmSuite() throws Exception {
        TlsPeerPolicy tls12 = secureTo("sip.example.com").withVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2);
        Outcome o = handshake(PKI.leaf("sip.example.com"), secureTo(null), client(), tls12);
        assertThat(o.succeeded()).as("%s", o).isTrue();
        assertThat(o.clientProtocol()).isEqualTo("TLSv1.2");
        assertThat(o.clientSuite()).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "CHACHA20");
    }

    @Test
    void wildcardUnderStrictIsRefusedNamingRfc5922() throws Exception {
        try (LogCapture log = new LogCapture(PolicyTrustManager.class)) {
            Outcome o = handshake(PKI.leaf("*.example.com"), secureTo(null), client(), secureTo("sip.example.com"));
            assertThat(o.succeeded()).isFalse();
            assertThat(o.refusal()).isNotNull();
            assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.WILDCARD_REFUSED);
            assertThat(o.refusal().getMessage()).contains("RFC 5922 section 7.2").contains("*.example.com");
            assertThat(log.messagesContaining("RFC 5922 section 7.2")).hasSize(1);
        }
    }

    @Test
    void wildcardUnderTolerateIsAcceptedAndLoggedOncePerPeer() throws Exception {
        TlsIdentity wildcard = PKI.leaf("*.example.com");
        TlsPeerPolicy tolerate = secureTo("sip.example.com").withWildcardPolicy(WildcardPolicy.TOLERATE);
        TlsContextFactory client = client();
        try (LogCapture log = new LogCapture(WildcardToleranceLog.class)) {
            for (int i = 0; i < 3; i++) {
                Outcome o = handshake(wildcard, secureTo(null), client, tolerate);
                assertThat(o.succeeded()).as("connection %d: %s", i, o).isTrue();
            }
            assertThat(log.messagesContaining("sip.example.com")).hasSize(1);
            assertThat(log.messages().get(0)).contains("*.example.com").contains("RFC 6125");
        }
    }

    @Test
    void wildcardTolerateStillRefusesTwoLabels() throws Exception {
        TlsPeerPolicy tolerate = secureTo("a.sip.example.com").withWildcardPolicy(WildcardPolicy.TOLERATE);
        Outcome o = handshake(PKI.leaf("*.example.com"), secureTo(null), client(), tolerate);
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.NAME_MISMATCH);
    }

    @Test
    void nameMismatchIsRefused() throws Exception {
        Outcome o = handshake(PKI.leaf("other.example.com"), secureTo(null), client(), secureTo("sip.example.com"));
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.NAME_MISMATCH);
        assertThat(o.refusal().getMessage()).contains("other.example.com").contains("sip.example.com");
    }

    @Test
    void connectingByIpMatchesTheIpSan() throws Exception {
        TlsIdentity byIp = PKI.leaf("pbx", List.of(), List.of("127.0.0.1"), List.of());
        // JAIN-SIP resolves an IP hop with InetAddress.getByName: an address without a host name.
        Outcome o = handshake(byIp, secureTo(null), client(), secureTo(null), InetAddress.getByName("127.0.0.1"));
        assertThat(o.succeeded()).as("%s", o).isTrue();
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        TlsIdentity expired = PKI.leaf("sip.example.com", List.of("sip.example.com"), List.of(), List.of(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        Outcome o = handshake(expired, secureTo(null), client(), secureTo("sip.example.com"));
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.EXPIRED);
        assertThat(o.refusal().getMessage()).contains("expired on");
    }

    @Test
    void notYetValidCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        TlsIdentity future = PKI.leaf("sip.example.com", List.of("sip.example.com"), List.of(), List.of(),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        Outcome o = handshake(future, secureTo(null), client(), secureTo("sip.example.com"));
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.NOT_YET_VALID);
    }

    @Test
    void unknownCaIsRefused() throws Exception {
        Outcome o = handshake(ROGUE.leaf("sip.example.com"), secureTo(null), client(), secureTo("sip.example.com"));
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.UNKNOWN_CA);
        assertThat(o.refusal().getMessage()).contains("rogue Test Root CA").contains("not in the CA bundle");
    }

    @Test
    void expiredClientCertificateIsRefusedWhenTheServerWantsOne() throws Exception {
        Instant now = Instant.now();
        TlsIdentity expiredPbx = PKI.leaf("pbx.example.org", List.of("pbx.example.org"), List.of(), List.of(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        TlsContextFactory pbxClient = new TlsContextFactory(expiredPbx, List.of(PKI.caCert));
        Outcome o = handshake(PKI.leaf("sip.example.com"), TlsPeerPolicy.legacyPbx(null), pbxClient, secureTo("sip.example.com"));
        assertThat(o.succeeded()).isFalse();
        assertThat(o.refusal()).isNotNull();
        assertThat(o.refusal().reason()).isEqualTo(CertificateRefusal.Reason.EXPIRED);
    }

    @Test
    void clientWithoutCertificateIsAcceptedWhenTheServerOnlyWantsOne() throws Exception {
        // ClientAuth.WANT never turns into "need" (JAIN-SIP NIO's default): a PBX without a certificate gets in.
        TlsContextFactory rogueClient = new TlsContextFactory(ROGUE.leaf("pbx.example.org"), List.of(PKI.caCert));
        Outcome o = handshake(PKI.leaf("sip.example.com"), TlsPeerPolicy.legacyPbx(null), rogueClient, secureTo("sip.example.com"));
        assertThat(o.succeeded()).as("%s", o).isTrue(); // its key manager finds no cert from our CA list and sends none
    }

    @Test
    void weakOnlyServerGetsNoHandshake() throws Exception {
        // A server that only speaks what JAIN-SIP RI enables by default: our client offers none of it.
        TlsContextFactory server = new TlsContextFactory(PKI.leaf("sip.example.com"), List.of(PKI.caCert));
        try (SSLServerSocket ss = server.listen(secureTo(null), 0, 4, LOOPBACK)) {
            ss.setEnabledProtocols(new String[]{"TLSv1.2"});
            ss.setEnabledCipherSuites(new String[]{"TLS_RSA_WITH_AES_128_CBC_SHA"});
            ss.setSoTimeout(10_000);
            CompletableFuture<Void> accept = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                } catch (IOException expected) {
                    // no shared cipher
                }
            });
            try (SSLSocket c = client().connect(secureTo("sip.example.com"), LOOPBACK, ss.getLocalPort(), null, 5_000)) {
                c.setSoTimeout(10_000);
                c.startHandshake();
                fail("handshake with a weak-only server succeeded with " + c.getSession().getCipherSuite());
            } catch (IOException expected) {
                // refused
            }
            accept.get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientHelloOnTheWireOffersOnlyStrongSuitesAndCarriesSni() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 4, LOOPBACK)) {
            raw.setSoTimeout(10_000);
            CompletableFuture<ClientHelloView> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket s = raw.accept()) {
                    s.setSoTimeout(10_000);
                    return ClientHelloView.read(s.getInputStream());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket c = client().connect(secureTo("sip.example.com"), LOOPBACK, raw.getLocalPort(), null, 5_000)) {
                c.setSoTimeout(3_000);
                c.startHandshake();
            } catch (IOException expected) {
                // the raw server closes after reading the hello
            }
            ClientHelloView h = hello.get(15, TimeUnit.SECONDS);
            assertThat(h.serverName()).isEqualTo("sip.example.com");
            assertThat(h.cipherSuites()).isNotEmpty().allMatch(ClientHelloView::isStrongOrScsv, "strong ECDHE/AEAD or TLS 1.3 suite");
        }
    }

    @Test
    void legacySideAcceptsTls10ClientOnlyWhenItsPolicyAllows() throws Exception {
        TlsPeerPolicy legacyClient = TlsPeerPolicy.legacyPbx("pbx-side.example.net")
                .withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0); // a PJSIP 2.5-era res_pjsip: TLS 1.0 only
        TlsIdentity serverId = PKI.leaf("pbx-side.example.net");

        TlsPeerPolicy allows = TlsPeerPolicy.legacyPbx(null).withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_3);
        Outcome allowed = handshake(serverId, allows, client(), legacyClient);
        assertThat(allowed.succeeded()).as("%s", allowed).isTrue();
        assertThat(allowed.clientProtocol()).isEqualTo("TLSv1");

        Outcome refused = handshake(serverId, TlsPeerPolicy.legacyPbx(null), client(), legacyClient);
        assertThat(refused.succeeded()).as("%s", refused).isFalse();
    }

    @Test
    void secureSideRefusesTls10AndTls11Clients() throws Exception {
        TlsIdentity serverId = PKI.leaf("gw.example.net");
        for (TlsVersion old : new TlsVersion[]{TlsVersion.TLS_1_0, TlsVersion.TLS_1_1}) {
            TlsPeerPolicy oldClient = TlsPeerPolicy.legacyPbx("gw.example.net").withVersions(old, old);
            Outcome o = handshake(serverId, TlsPeerPolicy.secureDomain(null), client(), oldClient);
            assertThat(o.succeeded()).as("%s client: %s", old, o).isFalse();
        }
    }

    @Test
    void clientWithLegacyProviderStillRefusesADowngradeItsPolicyForbids() throws Exception {
        // The server only speaks TLS 1.0; our client's policy says 1.2+: no connection, whatever the provider.
        TlsPeerPolicy oldServer = TlsPeerPolicy.legacyPbx(null).withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0);
        Outcome o = handshake(PKI.leaf("old.example.net"), oldServer, client(), secureTo("old.example.net"));
        assertThat(o.succeeded()).isFalse();
    }

    @Test
    void negotiatedVersionBelowThePolicyIsRefusedEvenIfSomeoneWidensTheSocket() throws Exception {
        // JAIN-SIP RI calls setEnabledProtocols(stack-wide list) on the sockets it gets from us; the trust manager's
        // version check is the backstop. Widen a TLS 1.1+ client socket to TLS 1.0 against a TLS 1.0-only server.
        TlsPeerPolicy oldServer = TlsPeerPolicy.legacyPbx(null).withVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_0);
        TlsContextFactory server = new TlsContextFactory(PKI.leaf("old.example.net"), List.of(PKI.caCert));
        TlsPeerPolicy clientPolicy = secureTo("old.example.net").withVersions(TlsVersion.TLS_1_1, TlsVersion.TLS_1_3);
        try (SSLServerSocket ss = server.listen(oldServer, 0, 4, LOOPBACK)) {
            ss.setSoTimeout(10_000);
            CompletableFuture<Void> accept = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException expected) {
                    // the client aborts
                }
            });
            try (SSLSocket c = client().connect(clientPolicy, LOOPBACK, ss.getLocalPort(), null, 5_000)) {
                c.setEnabledProtocols(new String[]{"TLSv1.2", "TLSv1.1", "TLSv1"});
                c.setEnabledCipherSuites(CipherSuites.forPolicy(oldServer, c.getSupportedCipherSuites()));
                c.setSoTimeout(10_000);
                c.startHandshake();
                fail("negotiated " + c.getSession().getProtocol() + " under a TLS 1.1+ policy");
            } catch (IOException e) {
                CertificateRefusal r = new Outcome(null, null, e, null).refusal();
                assertThat(r).as("cause of %s", e).isNotNull();
                assertThat(r.reason()).isEqualTo(CertificateRefusal.Reason.PROTOCOL_NOT_ALLOWED);
            }
            accept.get(15, TimeUnit.SECONDS);
        }
    }
}
