package com.securetrunk.gateway.tls;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One BouncyCastle JCA provider instance for the tls package. It is deliberately not registered with
 * {@code Security.addProvider}: nothing else in the JVM should start picking BouncyCastle by accident.
 */
final class BouncyCastle {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
