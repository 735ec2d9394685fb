package com.securetrunk.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads certificates and keys the way operators have them: PEM (certificate chains; private keys as PKCS#1
 * {@code RSA PRIVATE KEY}, SEC 1 {@code EC PRIVATE KEY}, PKCS#8 {@code PRIVATE KEY} or
 * {@code ENCRYPTED PRIVATE KEY}, or OpenSSL-encrypted legacy PEM) via BouncyCastle's {@code PEMParser}, and PKCS#12.
 * Every failure is a {@link TlsConfigException} naming the file.
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /** All certificates in a PEM file, in file order (a chain: leaf first; a CA bundle: any order). */
    public static List<X509Certificate> readCertificates(Path pem) {
        List<X509Certificate> certs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Object o : readPemObjects(pem, null)) {
            if (o instanceof X509CertificateHolder holder) {
                certs.add(toJdk(pem, holder));
            } else {
                others.add(o.getClass().getSimpleName());
            }
        }
        if (certs.isEmpty()) {
            throw new TlsConfigException(pem, "no certificate found (expected one or more '-----BEGIN CERTIFICATE-----' blocks"
                    + (others.isEmpty() ? ", found none" : ", found " + others) + ")");
        }
        return certs;
    }

    /** A CA bundle for verifying peers: the certificates of a PEM file. */
    public static List<X509Certificate> readCaBundle(Path pem) {
        return readCertificates(pem);
    }

    /**
     * Our identity from PEM: the chain from {@code certificatePem} (leaf first) and the private key from
     * {@code keyPem} (may be the same file). {@code password} decrypts an encrypted key; null when it is plain.
     */
    public static TlsIdentity readPemIdentity(Path certificatePem, Path keyPem, char[] password) {
        List<X509Certificate> chain = readCertificates(certificatePem);
        PrivateKey key = null;
        for (Object o : readPemObjects(keyPem, password)) {
            if (o instanceof PrivateKey k) {
                key = k;
                break;
            }
        }
        if (key == null) {
            throw new TlsConfigException(keyPem, "no private key found (expected a 'PRIVATE KEY', 'RSA PRIVATE KEY', "
                    + "'EC PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY' PEM block)");
        }
        requireMatchingKey(keyPem, key, chain.get(0));
        return new TlsIdentity(key, chain);
    }

    /** Our identity from a PKCS#12 file: the first key entry, with its chain. */
    public static TlsIdentity readPkcs12Identity(Path p12, char[] password) {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(p12)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsConfigException(p12, "cannot read PKCS#12 keystore (wrong password or not a PKCS#12 file?)", e);
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        throw new TlsConfigException(p12, "key entry '" + alias + "' has no certificate chain");
                    }
                    List<X509Certificate> x509 = new ArrayList<>();
                    for (Certificate c : chain) {
                        x509.add((X509Certificate) c);
                    }
                    requireMatchingKey(p12, key, x509.get(0));
                    return new TlsIdentity(key, x509);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(p12, "cannot read the private key entry", e);
        }
        throw new TlsConfigException(p12, "no private key entry (expected a key with its certificate chain, found only certificates)");
    }

    /**
     * The key through the JDK's own providers, BouncyCastle's only for what they lack (brainpool curves, ...): building
     * BouncyCastle's provider costs ~0.5 s of class loading, a quarter of issue 7's 2 s start budget, and a plain
     * RSA/EC/Ed25519 key (the development certificate's included) does not need it.
     */
    private static PrivateKey privateKey(PrivateKeyInfo info) throws org.bouncycastle.openssl.PEMException {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (org.bouncycastle.openssl.PEMException jdkLacksIt) {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        }
    }

    /** Signs a probe with {@code key} and verifies it with {@code pub}, through {@code provider} (null: the JDK's). */
    private static boolean signsAndVerifies(String alg, PrivateKey key, PublicKey pub, java.security.Provider provider)
            throws GeneralSecurityException {
        byte[] probe = "securetrunk key check".getBytes(StandardCharsets.US_ASCII);
        Signature s = signature(alg, provider);
        s.initSign(key);
        s.update(probe);
        byte[] sig = s.sign();
        Signature v = signature(alg, provider);
        v.initVerify(pub);
        v.update(probe);
        return v.verify(sig);
    }

    private static Signature signature(String alg, java.security.Provider provider) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(alg) : Signature.getInstance(alg, provider);
    }

    private static List<Object> readPemObjects(Path pem, char[] password) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsConfigException(pem, "cannot read file", e);
        }
        List<Object> out = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text); PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    out.add(privateKey(kp.getPrivateKeyInfo()));
                } else if (o instanceof PrivateKeyInfo pki) {
                    out.add(privateKey(pki));
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                    requirePassword(pem, password);
                    out.add(privateKey(enc.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password))));
                } else if (o instanceof PEMEncryptedKeyPair enc) {
                    requirePassword(pem, password);
                    out.add(privateKey(enc.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password)).getPrivateKeyInfo()));
                } else {
                    out.add(o);
                }
            }
        } catch (PKCSException | OperatorCreationException e) {
            throw new TlsConfigException(pem, "cannot decrypt the private key (wrong password?)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TlsConfigException tce) {
                throw tce;
            }
            throw new TlsConfigException(pem, "not valid PEM (expected '-----BEGIN ...-----' blocks of base64 DER)", e);
        }
        return out;
    }

    private static void requirePassword(Path pem, char[] password) {
        if (password == null) {
            throw new TlsConfigException(pem, "the private key is encrypted but no password is configured");
        }
    }

    private static X509Certificate toJdk(Path pem, X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException | CertificateException e) {
            throw new TlsConfigException(pem, "certificate " + holder.getSubject() + " cannot be decoded", e);
        }
    }

    /** Proves the key belongs to the leaf by signing with one and verifying with the other. */
    private static void requireMatchingKey(Path file, PrivateKey key, X509Certificate leaf) {
        PublicKey pub = leaf.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm())
                && !(pub.getAlgorithm().startsWith("EC") && key.getAlgorithm().startsWith("EC"))) {
            throw new TlsConfigException(file, "private key is " + key.getAlgorithm() + " but certificate "
                    + leaf.getSubjectX500Principal().getName() + " has a " + pub.getAlgorithm() + " public key");
        }
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return;
        }
        try {
            boolean matches;
            try {
                matches = signsAndVerifies(alg, key, pub, null);
            } catch (GeneralSecurityException jdkLacksIt) { // a curve the JDK no longer has (brainpool, ...)
                matches = signsAndVerifies(alg, key, pub, BouncyCastle.PROVIDER);
            }
            if (!matches) {
                throw new TlsConfigException(file, "private key does not belong to certificate "
                        + leaf.getSubjectX500Principal().getName() + " (expected the key of the first certificate in the chain)");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(file, "cannot check that the private key matches the certificate", e);
        }
    }
}
