package com.securetrunk.gateway.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our trust decision for one {@link TlsPeerPolicy}, made inside the handshake so that no SIP byte reaches a peer we
 * would refuse. In order:
 * <ol>
 *   <li>the negotiated version is within the policy (JAIN-SIP RI resets enabled protocols stack-wide on its own
 *       sockets, so this is the check that cannot be overridden);</li>
 *   <li>every certificate in the chain is within its validity dates (a clear "expired on ..." beats PKIX's text);</li>
 *   <li>the chain leads to the CA bundle (PKIX, no revocation checking), or the leaf itself is in the bundle (a pinned
 *       self-signed PBX certificate);</li>
 *   <li>as a client: the leaf carries the expected name per {@link PeerNameMatcher} and the wildcard policy.</li>
 * </ol>
 * Each refusal is one WARN line and a {@link CertificateRefusal}. JSSE's own endpoint identification stays off:
 * it knows neither SIP URI SANs (RFC 5922) nor our wildcard policy.
 */
public final class PolicyTrustManager extends X509ExtendedTrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyTrustManager.class);

    private final TlsPeerPolicy policy;
    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors;
    private final Clock clock;
    private final WildcardToleranceLog wildcardLog;

    public PolicyTrustManager(TlsPeerPolicy policy, List<X509Certificate> caBundle, Clock clock, WildcardToleranceLog wildcardLog) {
        this.policy = policy;
        this.anchors = List.copyOf(caBundle);
        this.trustAnchors = new HashSet<>();
        for (X509Certificate ca : caBundle) {
            trustAnchors.add(new TrustAnchor(ca, null));
        }
        this.clock = clock;
        this.wildcardLog = wildcardLog;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        checkServer(chain, s, socket == null ? null : String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServer(chain, engine == null ? null : engine.getHandshakeSession(),
                engine == null ? null : engine.getPeerHost() + ":" + engine.getPeerPort());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, null, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        checkClient(chain, s, socket == null ? "client" : String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClient(chain, engine == null ? null : engine.getHandshakeSession(),
                engine == null ? "client" : engine.getPeerHost() + ":" + engine.getPeerPort());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClient(chain, null, "client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.toArray(new X509Certificate[0]);
    }

    /** The policy this trust manager enforces. */
    public TlsPeerPolicy policy() {
        return policy;
    }

    private void checkServer(X509Certificate[] chain, SSLSession session, String address) throws CertificateRefusal {
        String expected = policy.expectedHostName();
        if (expected == null && session != null) {
            expected = session.getPeerHost();
        }
        String peer = expected == null ? String.valueOf(address)
                : (address == null || address.contains(expected) ? expected : expected + " (" + address + ")");
        checkVersion(session, peer);
        if (!policy.verifyPeer()) {
            return;
        }
        verifyChain(chain, peer);
        if (expected == null) {
            throw refuse(CertificateRefusal.Reason.NAME_MISMATCH, peer,
                    "no expected host name is known for this connection, so its certificate cannot be matched");
        }
        PeerNameMatcher.Result r = PeerNameMatcher.match(chain[0], expected, policy.wildcardPolicy());
        switch (r.outcome()) {
            case EXACT:
                return;
            case WILDCARD_TOLERATED:
                wildcardLog.noteTolerated(expected, r.matchedIdentity(), chain[0]);
                return;
            case WILDCARD_REFUSED:
                throw refuse(CertificateRefusal.Reason.WILDCARD_REFUSED, peer, "certificate name " + r.matchedIdentity()
                        + " is a wildcard; RFC 5922 section 7.2 does not allow TLS wildcard certificates for SIP "
                        + "(wildcard policy 'strict'; 'tolerate' accepts one left-most label per RFC 6125)");
            default:
                throw refuse(CertificateRefusal.Reason.NAME_MISMATCH, peer, "certificate names " + r.presented()
                        + " do not match the expected host " + expected + " (RFC 5922 section 7.1)");
        }
    }

    private void checkClient(X509Certificate[] chain, SSLSession session, String peer) throws CertificateRefusal {
        checkVersion(session, peer);
        if (policy.verifyPeer()) {
            verifyChain(chain, peer);
        }
    }

    private void checkVersion(SSLSession session, String peer) throws CertificateRefusal {
        if (session == null) {
            return;
        }
        String protocol = session.getProtocol();
        TlsVersion v = TlsVersion.fromProtocolNameOrNull(protocol);
        if (v == null || !policy.permits(v)) {
            throw refuse(CertificateRefusal.Reason.PROTOCOL_NOT_ALLOWED, peer, "negotiated " + protocol
                    + " but the policy allows " + policy.minVersion().protocolName() + " to " + policy.maxVersion().protocolName());
        }
    }

    private void verifyChain(X509Certificate[] chain, String peer) throws CertificateRefusal {
        if (chain == null || chain.length == 0) {
            throw refuse(CertificateRefusal.Reason.NO_CERTIFICATE, peer, "no certificate presented");
        }
        Date now = Date.from(clock.instant());
        for (X509Certificate c : chain) {
            if (now.after(c.getNotAfter())) {
                throw refuse(CertificateRefusal.Reason.EXPIRED, peer, "certificate " + c.getSubjectX500Principal().getName()
                        + " expired on " + c.getNotAfter().toInstant() + " (now " + now.toInstant() + ")");
            }
            if (now.before(c.getNotBefore())) {
                throw refuse(CertificateRefusal.Reason.NOT_YET_VALID, peer, "certificate " + c.getSubjectX500Principal().getName()
                        + " is not valid before " + c.getNotBefore().toInstant() + " (now " + now.toInstant() + ")");
            }
        }
        if (anchors.contains(chain[0])) {
            return; // pinned: the peer's own certificate is in the bundle
        }
        if (trustAnchors.isEmpty()) {
            throw refuse(CertificateRefusal.Reason.UNKNOWN_CA, peer, "no CA bundle is configured, so issuer "
                    + chain[chain.length - 1].getIssuerX500Principal().getName() + " cannot be trusted");
        }
        List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
        while (path.size() > 1 && anchors.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1); // the peer sent the root too; PKIX wants the path without its anchor
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(trustAnchors);
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                throw refuse(CertificateRefusal.Reason.UNKNOWN_CA, peer, "issuer "
                        + path.get(path.size() - 1).getIssuerX500Principal().getName() + " of "
                        + chain[0].getSubjectX500Principal().getName() + " is not in the CA bundle (unknown CA)");
            }
            throw refuse(CertificateRefusal.Reason.INVALID_CHAIN, peer, "certificate chain does not validate: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw refuse(CertificateRefusal.Reason.INVALID_CHAIN, peer, "certificate chain cannot be checked: " + e.getMessage());
        }
    }

    private static CertificateRefusal refuse(CertificateRefusal.Reason reason, String peer, String text) {
        CertificateRefusal r = new CertificateRefusal(reason, peer, text);
        LOG.warn("{} [{}]", r.getMessage(), reason);
        return r;
    }
}
