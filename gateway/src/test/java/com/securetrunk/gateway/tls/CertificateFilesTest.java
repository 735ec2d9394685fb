package com.securetrunk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM in every key encoding operators meet, PKCS#12, and the errors for files that are wrong. */
class CertificateFilesTest {
    private static final TestPki PKI = new TestPki("files");

    @TempDir
    Path dir;

    private Path pem(String name, Object... objects) throws Exception {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sw.toString());
        return p;
    }

    @Test
    void ecSec1KeyWithCurveParameters() throws Exception {
        // What "openssl ecparam -genkey" writes: SEC 1 "EC PRIVATE KEY" carrying the named curve.
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        g.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        KeyPair kp = g.generateKeyPair();
        Path key = pem("ec.pem", kp);
        assertThat(Files.readString(key)).contains("BEGIN EC PRIVATE KEY");
        TlsIdentity read = CertificateFiles.readPemIdentity(pem("ec-cert.pem", selfSigned(kp, "SHA384withECDSA")), key, null);
        assertThat(read.privateKey().getAlgorithm()).startsWith("EC");
    }

    @Test
    void keysTheJdkLacksStillLoadThroughBouncyCastle() throws Exception {
        // brainpool curves left the JDK's SunEC in 16: the key is converted (and checked against its certificate) by
        // BouncyCastle's provider, which is otherwise not built at start (it costs ~0.5 s of class loading)
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        g.initialize(new java.security.spec.ECGenParameterSpec("brainpoolP256r1"));
        KeyPair kp = g.generateKeyPair();
        TlsIdentity read = CertificateFiles.readPemIdentity(pem("bp-cert.pem", selfSigned(kp,
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER))),
                pem("bp.pem", kp), null);
        assertThat(((java.security.interfaces.ECPrivateKey) read.privateKey()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS());
    }

    @Test
    void ed25519KeyThroughTheJdk() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TlsIdentity read = CertificateFiles.readPemIdentity(pem("ed-cert.pem", selfSigned(kp, "Ed25519")),
                pem("ed.pem", new JcaPKCS8Generator(kp.getPrivate(), null)), null);
        assertThat(read.privateKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(read.privateKey().getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void pkcs8KeyAndChainLeafFirst() throws Exception {
        TlsIdentity id = PKI.leaf("sip.example.com");
        Path key = pem("key.pem", new JcaPKCS8Generator(id.privateKey(), null));
        Path chain = pem("chain.pem", id.chain().get(0), id.chain().get(1));
        TlsIdentity read = CertificateFiles.readPemIdentity(chain, key, null);
        assertThat(read.chain()).containsExactlyElementsOf(id.chain());
        assertThat(((java.security.interfaces.ECPrivateKey) read.privateKey()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) id.privateKey()).getS());
    }

    @Test
    void rsaPkcs1Key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = selfSigned(kp, "SHA256withRSA");
        Path key = pem("rsa.pem", kp); // a KeyPair is written as PKCS#1 "RSA PRIVATE KEY"
        assertThat(Files.readString(key)).contains("BEGIN RSA PRIVATE KEY");
        TlsIdentity read = CertificateFiles.readPemIdentity(pem("rsa-cert.pem", cert), key, null);
        assertThat(read.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void pkcs8PlainAndEncryptedAndLegacyEncryptedPem() throws Exception {
        TlsIdentity id = PKI.leaf("sip.example.com");
        Path cert = pem("cert.pem", id.leaf());
        Path plain = pem("p8.pem", new JcaPKCS8Generator(id.privateKey(), null));
        assertThat(Files.readString(plain)).contains("BEGIN PRIVATE KEY");
        assertThat(CertificateFiles.readPemIdentity(cert, plain, null).leaf()).isEqualTo(id.leaf());

        char[] pw = "s3cret".toCharArray();
        Path enc = pem("p8enc.pem", new JcaPKCS8Generator(id.privateKey(),
                new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(BouncyCastle.PROVIDER).setPassword(pw).setRandom(new SecureRandom()).build()));
        assertThat(Files.readString(enc)).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(CertificateFiles.readPemIdentity(cert, enc, pw).leaf()).isEqualTo(id.leaf());
        assertThatThrownBy(() -> CertificateFiles.readPemIdentity(cert, enc, null))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("encrypted").hasMessageContaining("p8enc.pem");
        assertThatThrownBy(() -> CertificateFiles.readPemIdentity(cert, enc, "wrong".toCharArray()))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("wrong password");

        // "openssl genrsa -aes128": OpenSSL's legacy encrypted PKCS#1.
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(rsa, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BouncyCastle.PROVIDER).build(pw));
        }
        Path legacy = dir.resolve("legacy-enc.pem");
        Files.writeString(legacy, sw.toString());
        assertThat(Files.readString(legacy)).contains("Proc-Type: 4,ENCRYPTED");
        Path rsaCert = pem("rsa-cert.pem", selfSigned(rsa, "SHA256withRSA"));
        assertThat(CertificateFiles.readPemIdentity(rsaCert, legacy, pw).privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void certificateAndKeyInOneFile() throws Exception {
        TlsIdentity id = PKI.leaf("sip.example.com");
        Path both = pem("both.pem", id.leaf(), new JcaPKCS8Generator(id.privateKey(), null));
        assertThat(CertificateFiles.readPemIdentity(both, both, null).leaf()).isEqualTo(id.leaf());
    }

    @Test
    void pkcs12() throws Exception {
        TlsIdentity id = PKI.leaf("sip.example.com");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "p12pw".toCharArray();
        ks.setKeyEntry("gw", id.privateKey(), pw, id.chain().toArray(new X509Certificate[0]));
        Path p12 = dir.resolve("gw.p12");
        try (var out = Files.newOutputStream(p12)) {
            ks.store(out, pw);
        }
        TlsIdentity read = CertificateFiles.readPkcs12Identity(p12, pw);
        assertThat(read.chain()).containsExactlyElementsOf(id.chain());
        assertThatThrownBy(() -> CertificateFiles.readPkcs12Identity(p12, "nope".toCharArray()))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("gw.p12").hasMessageContaining("password");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = pem("a.pem", PKI.leaf("a.example.com").leaf());
        Path otherKey = pem("b-key.pem", new JcaPKCS8Generator(PKI.leaf("b.example.com").privateKey(), null));
        assertThatThrownBy(() -> CertificateFiles.readPemIdentity(cert, otherKey, null))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("does not belong to certificate");
    }

    @Test
    void badFilesGiveErrorsNamingTheFile() throws Exception {
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> CertificateFiles.readCertificates(garbage))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("garbage.pem");
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here\n");
        assertThatThrownBy(() -> CertificateFiles.readCaBundle(empty))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("empty.pem").hasMessageContaining("no certificate found");
        assertThatThrownBy(() -> CertificateFiles.readCertificates(dir.resolve("missing.pem")))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("missing.pem").hasMessageContaining("cannot read");
        Path certOnly = pem("cert-only.pem", PKI.leaf("x.example.com").leaf());
        assertThatThrownBy(() -> CertificateFiles.readPemIdentity(certOnly, certOnly, null))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("no private key found");
    }

    @Test
    void caBundleWithSeveralCertificates() throws Exception {
        TestPki other = new TestPki("other");
        Path bundle = pem("ca.pem", PKI.caCert, other.caCert);
        assertThat(CertificateFiles.readCaBundle(bundle)).containsExactly(PKI.caCert, other.caCert);
    }

    private static X509Certificate selfSigned(KeyPair kp, String alg) throws Exception {
        return selfSigned(kp, new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(alg));
    }

    private static X509Certificate selfSigned(KeyPair kp, org.bouncycastle.operator.jcajce.JcaContentSignerBuilder signer)
            throws Exception {
        var name = new org.bouncycastle.asn1.x500.X500Name("CN=rsa.example.com");
        var now = java.time.Instant.now();
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.TEN,
                java.util.Date.from(now.minusSeconds(60)), java.util.Date.from(now.plusSeconds(86400)), name, kp.getPublic());
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                b.build(signer.build(kp.getPrivate())));
    }
}
