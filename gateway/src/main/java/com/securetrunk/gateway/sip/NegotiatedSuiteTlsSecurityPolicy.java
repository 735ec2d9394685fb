package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.tls.CipherSuites;
import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's post-handshake hook ({@code gov.nist.javax.sip.TLS_SECURITY_POLICY}), replacing the default that
 * accepts everything. Peer name, wildcard, validity and CA checks already ran inside the handshake
 * ({@code PolicyTrustManager}); this is the SIP-level backstop for what the stack itself could get wrong: it refuses
 * a connection whose negotiated suite is weak (JAIN-SIP RI's main OIO send path never applies
 * {@code ENABLED_CIPHER_SUITES}, so a socket not built by us would get JDK defaults) or whose peer presented no
 * certificate. A {@link SecurityException} here makes JAIN-SIP close the connection and fail the send.
 */
public final class NegotiatedSuiteTlsSecurityPolicy implements TlsSecurityPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiatedSuiteTlsSecurityPolicy.class);

    @Override
    public void enforceTlsPolicy(ClientTransactionExt transaction) throws SecurityException {
        if (transaction == null) {
            return; // a response or ACK on a new connection: the handshake checks already applied
        }
        String suite = transaction.getCipherSuite();
        if (suite == null || CipherSuites.isWeak(suite)) {
            String msg = "TLS connection to " + transaction.getPeerAddress() + ":" + transaction.getPeerPort()
                    + " negotiated weak cipher suite " + suite + "; refused";
            LOG.warn(msg);
            throw new SecurityException(msg);
        }
        try {
            if (transaction.getPeerCertificates() == null || transaction.getPeerCertificates().length == 0) {
                throw new SSLPeerUnverifiedException("no peer certificate");
            }
        } catch (SSLPeerUnverifiedException e) {
            String msg = "TLS peer " + transaction.getPeerAddress() + ":" + transaction.getPeerPort()
                    + " presented no certificate; refused";
            LOG.warn(msg);
            throw new SecurityException(msg, e);
        }
    }
}
