package com.securetrunk.gateway.app.check;

import com.securetrunk.gateway.tls.CipherSuites;
import com.securetrunk.gateway.tls.TlsPeerPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens TLS to a peer the way the gateway would (TLS 1.2-1.3, the gateway's cipher suites, SNI for DNS names) but
 * accepts any chain during the handshake, keeping it: the verdict is made afterwards by {@link CertificateVerdicts},
 * so an expired or untrusted certificate can still be shown to the administrator. Nothing but OPTIONS is ever sent
 * on such a connection.
 */
final class TlsProbe {
    private TlsProbe() {
    }

    /** A completed handshake: the socket (open, for OPTIONS), what was negotiated and the peer's chain. */
    record Handshake(SSLSocket socket, String protocol, String cipherSuite, List<X509Certificate> chain) {
    }

    static Handshake connect(InetSocketAddress address, String sniHost, int timeoutMs) throws IOException {
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new Recorder(seen)}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
        TlsPeerPolicy policy = TlsPeerPolicy.secureDomain(sniHost);
        Socket raw = new Socket();
        try {
            raw.connect(address, timeoutMs);
            raw.setSoTimeout(timeoutMs);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, sniHost, address.getPort(), true);
            s.setUseClientMode(true);
            SSLParameters p = new SSLParameters(CipherSuites.forPolicy(policy, ctx.getSupportedSSLParameters().getCipherSuites()),
                    policy.protocolNames().toArray(new String[0]));
            if (!DnsName.isIpLiteral(sniHost)) {
                try {
                    p.setServerNames(List.<SNIServerName>of(new SNIHostName(sniHost)));
                } catch (IllegalArgumentException notADnsName) {
                    // RFC 6066 forbids sending such a name; the name check below still runs
                }
            }
            s.setSSLParameters(p);
            s.startHandshake();
            X509Certificate[] chain = seen.get();
            return new Handshake(s, s.getSession().getProtocol(), s.getSession().getCipherSuite(),
                    chain == null ? List.of() : List.of(chain));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Accepts and remembers any server chain. Only used by this probe; never by the gateway. */
    private static final class Recorder implements X509TrustManager {
        private final AtomicReference<X509Certificate[]> seen;

        Recorder(AtomicReference<X509Certificate[]> seen) {
            this.seen = seen;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.set(chain.clone());
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
