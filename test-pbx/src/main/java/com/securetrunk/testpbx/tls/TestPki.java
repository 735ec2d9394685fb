package com.securetrunk.testpbx.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests and demos. {@link #generate(Path)} creates a CA and one leaf of each
 * {@link Leaf} kind, writes {@code ca.pem}, {@code <leaf>.pem} (leaf then issuing CA) and
 * {@code <leaf>-key.pem} (PKCS#8) into the directory, and builds {@link SSLContext}s from them.
 *
 * <p>Names: the normal, expired and unknown-CA leaves are for {@value #DOMAIN_HOST} plus
 * {@code localhost}, 127.0.0.1 and ::1; the wildcard leaf is for {@value #WILDCARD} only (subject CN
 * and DNS SAN), so a peer connecting to e.g. {@code pbx.sip.example.test} must accept a wildcard.
 */
public final class TestPki {
    public static final String DOMAIN_HOST = "domain.sip.example.test";
    public static final String WILDCARD = "*.sip.example.test";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The leaf certificates a secure domain can present. */
    public enum Leaf {
        NORMAL, WILDCARD, EXPIRED, UNKNOWN_CA;

        public String fileStem() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Leaf parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown certificate kind '" + s
                        + "' (expected normal, wildcard, expired or unknown-ca)");
            }
        }
    }

    /** A certificate with its key and chain (leaf first). */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain, Path certPem,
                         Path keyPem) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal() + ", key redacted]";
        }
    }

    private static volatile TestPki shared;

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final Map<Leaf, Issued> leaves = new EnumMap<>(Leaf.class);

    private TestPki(Path dir) throws GeneralSecurityException, IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        Instant now = Instant.now();
        caKeys = rsa();
        ca = sign(new X500Name("CN=SecureTrunk Test CA,O=SecureTrunk test-pbx"), caKeys, caKeys,
                new X500Name("CN=SecureTrunk Test CA,O=SecureTrunk test-pbx"), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), true, List.of());
        writePem(dir.resolve("ca.pem"), List.of(ca));
        List<GeneralName> normalNames = hostNames(DOMAIN_HOST);
        leaves.put(Leaf.NORMAL, issue("normal", DOMAIN_HOST, normalNames, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(825)), caKeys, ca));
        leaves.put(Leaf.WILDCARD, issue("wildcard", WILDCARD, List.of(new GeneralName(GeneralName.dNSName, WILDCARD)),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(825)), caKeys, ca));
        leaves.put(Leaf.EXPIRED, issue("expired", DOMAIN_HOST, normalNames, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), caKeys, ca));
        KeyPair otherCaKeys = rsa();
        X500Name otherName = new X500Name("CN=Unknown Test CA,O=Not Trusted");
        X509Certificate otherCa = sign(otherName, otherCaKeys, otherCaKeys, otherName, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), true, List.of());
        writePem(dir.resolve("unknown-ca-ca.pem"), List.of(otherCa));
        leaves.put(Leaf.UNKNOWN_CA, issue("unknown-ca", DOMAIN_HOST, normalNames, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(825)), otherCaKeys, otherCa));
    }

    /** Generates a CA and every leaf into {@code dir} (created if needed). Takes about a second. */
    public static TestPki generate(Path dir) {
        try {
            return new TestPki(dir);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate test certificates: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test certificates to " + dir, e);
        }
    }

    /** One PKI per JVM in a temporary directory, for tests. */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                p = shared;
                if (p == null) {
                    try {
                        p = generate(Files.createTempDirectory("test-pki"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shared = p;
                }
            }
        }
        return p;
    }

    public Path directory() {
        return dir;
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Issued leaf(Leaf kind) {
        return leaves.get(kind);
    }

    /**
     * Issues another leaf from the test CA (e.g. for the gateway's own TLS listener), valid for
     * {@code host}, {@code localhost}, 127.0.0.1 and ::1; written as {@code <stem>.pem} / {@code <stem>-key.pem}.
     */
    public Issued issue(String stem, String host) {
        try {
            Instant now = Instant.now();
            return issue(stem, host, hostNames(host), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(825)),
                    caKeys, ca);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue certificate for " + host + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server context presenting {@code kind}; as a client it trusts the test CA only. */
    public SSLContext serverContext(Leaf kind) {
        return context(leaves.get(kind), List.of(ca));
    }

    /** Server context presenting {@code issued}; trusts the test CA. */
    public SSLContext serverContext(Issued issued) {
        return context(issued, List.of(ca));
    }

    /** Client context that trusts the test CA and presents no certificate. */
    public SSLContext clientContext() {
        return context(null, List.of(ca));
    }

    /** A context with {@code identity} (may be null) trusting {@code trusted}. */
    public static SSLContext context(Issued identity, List<X509Certificate> trusted) {
        try {
            KeyManagerFactory kmf = null;
            if (identity != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("identity", identity.key(), new char[0],
                        identity.chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
            }
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate c : trusted) {
                ts.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), RANDOM);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build SSLContext: " + e.getMessage(), e);
        }
    }

    private Issued issue(String stem, String cn, List<GeneralName> names, Instant from, Instant to, KeyPair issuerKeys,
                         X509Certificate issuer) throws GeneralSecurityException, IOException {
        KeyPair keys = rsa();
        X509Certificate cert = sign(new X500Name("CN=" + cn + ",O=SecureTrunk test-pbx"), keys, issuerKeys,
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), from, to, false, names);
        Path certPem = dir.resolve(stem + ".pem");
        Path keyPem = dir.resolve(stem + "-key.pem");
        writePem(certPem, List.of(cert, issuer));
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        Files.writeString(keyPem, sw.toString(), StandardCharsets.US_ASCII);
        return new Issued(cert, keys.getPrivate(), List.of(cert, issuer), certPem, keyPem);
    }

    private static List<GeneralName> hostNames(String host) throws IOException {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, host));
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()));
        return names;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, X500Name issuer,
                                        Instant from, Instant to, boolean isCa, List<GeneralName> names)
            throws GeneralSecurityException, IOException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(new GeneralName[0])));
        }
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create signer: " + e.getMessage(), e);
        }
    }

    private static void writePem(Path file, List<X509Certificate> certs) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        }
        Files.writeString(file, sw.toString(), StandardCharsets.US_ASCII);
    }
}
