package com.securetrunk.gateway.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Builds and caches one {@link SSLContext} per {@link TlsPeerPolicy}, and configured sockets from it.
 *
 * <ul>
 *   <li>Provider: the JDK's SunJSSE for TLS 1.2+ policies; BCJSSE ({@link LegacyTlsProvider}) only for policies that
 *       allow TLS 1.0/1.1.</li>
 *   <li>Protocols: exactly the policy's [min, max]; cipher suites: {@link CipherSuites#forPolicy}.</li>
 *   <li>Trust: {@link PolicyTrustManager} over our CA bundle; identity: ours, also offered as a client certificate.</li>
 *   <li>Client sockets send SNI (RFC 6066) for DNS names; JSSE endpoint identification stays off because
 *       {@link PolicyTrustManager} does RFC 5922 matching itself.</li>
 *   <li>Server sockets ask for a client certificate per {@link ClientAuth}, never require one.</li>
 * </ul>
 * Thread-safe.
 */
public final class TlsContextFactory {
    private final TlsIdentity identity;
    private final List<X509Certificate> caBundle;
    private final Clock clock;
    private final WildcardToleranceLog wildcardLog;
    private final Map<TlsPeerPolicy, SSLContext> contexts = new ConcurrentHashMap<>();
    private volatile TlsHandshakeObserver handshakes = TlsHandshakeObserver.NONE;

    public TlsContextFactory(TlsIdentity identity, List<X509Certificate> caBundle, Clock clock, WildcardToleranceLog wildcardLog) {
        this.identity = identity;
        this.caBundle = List.copyOf(caBundle);
        this.clock = clock;
        this.wildcardLog = wildcardLog;
    }

    public TlsContextFactory(TlsIdentity identity, List<X509Certificate> caBundle) {
        this(identity, caBundle, Clock.systemUTC(), new WildcardToleranceLog());
    }

    /** Who hears of handshakes on sockets made from this factory's contexts (metrics). */
    public void observeHandshakes(TlsHandshakeObserver observer) {
        this.handshakes = java.util.Objects.requireNonNull(observer, "observer");
    }

    public TlsHandshakeObserver handshakes() {
        return handshakes;
    }

    public TlsIdentity identity() {
        return identity;
    }

    /** The context for {@code policy}, built on first use. */
    public SSLContext context(TlsPeerPolicy policy) {
        return contexts.computeIfAbsent(policy, this::build);
    }

    private SSLContext build(TlsPeerPolicy policy) {
        try {
            Provider provider = policy.allowsLegacyVersions() ? LegacyTlsProvider.get() : null;
            SSLContext ctx = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
            ctx.init(keyManagers(provider), new TrustManager[]{new PolicyTrustManager(policy, caBundle, clock, wildcardLog)},
                    new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for " + policy + ": " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers(Provider provider) throws GeneralSecurityException, IOException {
        char[] pw = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("securetrunk", identity.privateKey(), pw, identity.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = provider == null ? KeyManagerFactory.getInstance("PKIX") : KeyManagerFactory.getInstance("PKIX", provider);
        kmf.init(ks, pw);
        return kmf.getKeyManagers();
    }

    /**
     * Key managers for our identity under {@code policy}'s provider, for code that must build its own
     * {@code SSLContext} (JAIN-SIP's NIO {@code SecurityManagerProvider} hook).
     */
    public KeyManager[] keyManagers(TlsPeerPolicy policy) {
        try {
            return keyManagers(policy.allowsLegacyVersions() ? LegacyTlsProvider.get() : null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build key managers: " + e.getMessage(), e);
        }
    }

    /** Our trust manager for {@code policy}, for the same purpose as {@link #keyManagers}. */
    public TrustManager[] trustManagers(TlsPeerPolicy policy) {
        return new TrustManager[]{new PolicyTrustManager(policy, caBundle, clock, wildcardLog)};
    }

    /** The protocol names enabled for {@code policy}, newest first. */
    public String[] protocols(TlsPeerPolicy policy) {
        return policy.protocolNames().toArray(new String[0]);
    }

    /** The cipher suites enabled for {@code policy}, in preference order, among those its provider supports. */
    public String[] cipherSuites(TlsPeerPolicy policy) {
        return CipherSuites.forPolicy(policy, context(policy).getSupportedSSLParameters().getCipherSuites());
    }

    /** Parameters for a client connection to {@code sniHost} (SNI is omitted for IP literals and invalid names). */
    public SSLParameters clientParameters(TlsPeerPolicy policy, String sniHost) {
        SSLParameters p = new SSLParameters(cipherSuites(policy), protocols(policy));
        p.setUseCipherSuitesOrder(true);
        p.setEndpointIdentificationAlgorithm(null);
        if (sniHost != null && !HostNames.isIpLiteral(sniHost)) {
            try {
                p.setServerNames(List.<SNIServerName>of(new SNIHostName(TlsPeerPolicy.normalizeHost(sniHost))));
            } catch (IllegalArgumentException notADnsName) {
                // e.g. an underscore: RFC 6066 forbids sending it; the trust manager still checks the name
            }
        }
        return p;
    }

    /** Parameters for our server side under {@code policy}. */
    public SSLParameters serverParameters(TlsPeerPolicy policy) {
        SSLParameters p = new SSLParameters(cipherSuites(policy), protocols(policy));
        p.setUseCipherSuitesOrder(true);
        if (policy.clientAuth() == ClientAuth.WANT) {
            p.setWantClientAuth(true);
        } else {
            p.setNeedClientAuth(false);
            p.setWantClientAuth(false);
        }
        return p;
    }

    /** The host name we will verify and send as SNI for a connection under {@code policy} to {@code address}. */
    public static String expectedHost(TlsPeerPolicy policy, InetAddress address) {
        if (policy.expectedHostName() != null) {
            return policy.expectedHostName();
        }
        String literal = HostNames.literalHostName(address);
        return literal != null ? literal : address.getHostAddress();
    }

    /**
     * Connects a TCP socket and layers TLS on it under {@code policy}. The handshake starts on first I/O or
     * {@link SSLSocket#startHandshake()}.
     *
     * @param local     local address to bind, or null
     * @param timeoutMs TCP connect timeout
     */
    public SSLSocket connect(TlsPeerPolicy policy, InetAddress address, int port, InetAddress local, int timeoutMs) throws IOException {
        // Build (or fetch) the context before connecting: the first build takes a while, and the peer's handshake
        // timer starts when the TCP connection is accepted.
        SSLContext ctx = context(policy);
        Socket raw = new Socket();
        try {
            if (local != null) {
                raw.bind(new InetSocketAddress(local, 0));
            }
            raw.connect(new InetSocketAddress(address, port), timeoutMs);
            String host = expectedHost(policy, address);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true);
            s.setUseClientMode(true);
            s.setSSLParameters(clientParameters(policy, host));
            return s;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A listening TLS server socket under {@code policy}. */
    public SSLServerSocket listen(TlsPeerPolicy policy, int port, int backlog, InetAddress bind) throws IOException {
        SSLServerSocket ss = (SSLServerSocket) context(policy).getServerSocketFactory().createServerSocket(port, backlog, bind);
        ss.setSSLParameters(serverParameters(policy));
        return ss;
    }
}
