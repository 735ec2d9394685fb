package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Fresh SRTP master key||salt from a {@link SecureRandom} (RFC 4568 section 6.1: keys "MUST be generated
 * randomly"); one call per suite, per stream, per direction, per (re-)negotiation that needs new keys.
 * Thread-safe (SecureRandom is).
 */
public final class SrtpKeyGenerator {

    private final SecureRandom random;

    public SrtpKeyGenerator() {
        this(new SecureRandom());
    }

    public SrtpKeyGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public MasterKey generate(SrtpSuite suite) {
        byte[] material = new byte[suite.keyMaterialLength()];
        random.nextBytes(material);
        return MasterKey.fromKeyMaterial(suite, material);
    }
}
