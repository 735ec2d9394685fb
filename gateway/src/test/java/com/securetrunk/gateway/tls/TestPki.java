package com.securetrunk.gateway.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away PKI for tests: a root CA that issues leaf certificates with chosen names and dates. */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    public final String name;
    public final KeyPair caKeys;
    public final X509Certificate caCert;

    public TestPki(String name) {
        this.name = name;
        try {
            caKeys = ecKeyPair();
            X500Name dn = new X500Name("CN=" + name + " Test Root CA,O=SecureTrunk tests");
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(dn, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), dn, caKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caCert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A leaf valid from yesterday for a year. */
    public TlsIdentity leaf(String cn, List<String> dnsSans, List<String> ipSans, List<String> uriSans) {
        Instant now = Instant.now();
        return leaf(cn, dnsSans, ipSans, uriSans, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A leaf for DNS names only (CN = first name). */
    public TlsIdentity leaf(String... dnsNames) {
        return leaf(dnsNames[0], List.of(dnsNames), List.of(), List.of());
    }

    public TlsIdentity leaf(String cn, List<String> dnsSans, List<String> ipSans, List<String> uriSans, Instant notBefore, Instant notAfter) {
        try {
            KeyPair kp = ecKeyPair();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + cn + ",O=SecureTrunk tests"), kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            List<GeneralName> names = new ArrayList<>();
            dnsSans.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ipSans.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
            uriSans.forEach(n -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, n)));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
            return new TlsIdentity(kp.getPrivate(), List.of(cert, caCert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
