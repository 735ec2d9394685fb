package com.securetrunk.gateway.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Our certificate chain (leaf first) and its private key. {@link #toString()} names the certificate, never the key.
 */
public final class TlsIdentity {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    public TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty (expected: leaf certificate first)");
        }
        this.chain = List.copyOf(chain);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Leaf first, then intermediates, as sent in the TLS Certificate message. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + leaf().getSubjectX500Principal().getName() + ", chain=" + chain.size()
                + ", key=" + privateKey.getAlgorithm() + " (redacted)]";
    }
}
