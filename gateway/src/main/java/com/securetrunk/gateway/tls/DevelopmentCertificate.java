package com.securetrunk.gateway.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate used when none is configured: generated once (EC P-256, self-signed, two years), written to a
 * directory as {@code dev-cert.pem} / {@code dev-key.pem} (key file mode 600), and reused on later starts so peers
 * that pinned it keep working. Each start logs one line saying a development certificate is in use, since peers
 * that verify certificates (every secure domain) will refuse it.
 */
public final class DevelopmentCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentCertificate.class);
    static final String CERT_FILE = "dev-cert.pem";
    static final String KEY_FILE = "dev-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(730);

    private DevelopmentCertificate() {
    }

    /**
     * Loads the development certificate from {@code directory}, generating it first if absent.
     *
     * @param hostNames DNS names and IP literals to put in its subjectAltName (localhost, 127.0.0.1 and ::1 are
     *                  always added); the first is also the subject CN
     */
    public static TlsIdentity loadOrCreate(Path directory, List<String> hostNames, Clock clock) {
        Path cert = directory.resolve(CERT_FILE);
        Path key = directory.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            TlsIdentity id = CertificateFiles.readPemIdentity(cert, key, null);
            LOG.warn("No TLS certificate configured: using the self-signed development certificate {} ({}, SHA-256 {}, "
                            + "generated earlier). Peers that verify certificates will refuse it; configure tls.certificate for production.",
                    cert, id.leaf().getSubjectX500Principal().getName(), fingerprint(id.leaf()));
            return id;
        }
        TlsIdentity id = generate(hostNames, clock);
        write(directory, cert, key, id);
        LOG.warn("No TLS certificate configured: generated a self-signed development certificate {} ({}, SHA-256 {}, valid until {}). "
                        + "Peers that verify certificates will refuse it; configure tls.certificate for production.",
                cert, id.leaf().getSubjectX500Principal().getName(), fingerprint(id.leaf()), id.leaf().getNotAfter().toInstant());
        return id;
    }

    /** Generates a fresh self-signed identity (not written anywhere). */
    static TlsIdentity generate(List<String> hostNames, Clock clock) {
        Set<String> names = new LinkedHashSet<>(hostNames);
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        String cn = names.iterator().next();
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = gen.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject = new X500Name("CN=" + cn + ",O=SecureTrunk development certificate");
            List<GeneralName> san = new ArrayList<>();
            for (String n : names) {
                san.add(new GeneralName(HostNames.isIpLiteral(n) ? GeneralName.iPAddress : GeneralName.dNSName, n));
            }
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(new GeneralName[0])));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            return new TlsIdentity(kp.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the development certificate: " + e.getMessage(), e);
        }
    }

    private static void write(Path directory, Path cert, Path key, TlsIdentity id) {
        try {
            Files.createDirectories(directory);
            // PKCS#8 ("PRIVATE KEY"): it carries the curve; the SEC1 form JcaPEMWriter makes of a JDK EC key does not,
            // and could not be read back on the next start
            writeAtomically(key, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(id.privateKey(), null)), true);
            writeAtomically(cert, pem(id.leaf()), false);
        } catch (IOException e) {
            throw new TlsConfigException(directory, "cannot write the development certificate (is the directory writable?)", e);
        }
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            if (secret) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file is created with the platform's defaults.
            try {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException ignored) {
                // created above before the exception
            }
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(Object o) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        }
        return sw.toString();
    }

    /** Colon-separated SHA-256 of the DER certificate, as openssl prints it. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
