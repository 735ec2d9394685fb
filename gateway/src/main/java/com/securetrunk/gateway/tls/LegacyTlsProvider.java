package com.securetrunk.gateway.tls;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The BCJSSE provider instance that speaks TLS 1.0/1.1 to legacy PBXs whose profile allows it.
 *
 * <p>Why this is not a one-liner: SunJSSE refuses TLS 1.0/1.1 through {@code jdk.tls.disabledAlgorithms}, and BCJSSE
 * honours the same security property, read once into a static when its {@code ProvAlgorithmConstraints} class
 * initialises. We therefore (1) make sure SunJSSE has already read the property, (2) set it for a moment to the same
 * list minus {@code TLSv1} and {@code TLSv1.1} — every other entry (SSLv3, RC4, 3DES, anon, NULL, ...) stays —
 * (3) initialise BCJSSE's constraints, and (4) restore the property. SunJSSE, and so the secure side, keeps the JDK's
 * defaults; only BCJSSE, which only legacy policies use, may negotiate TLS 1.0/1.1, and only where a policy enables
 * them explicitly. Verified on JDK 17 and 25 by {@code LegacyTlsHandshakeTest}.
 *
 * <p>BCJSSE gets its own (unregistered) BouncyCastle JCA provider for its crypto.
 */
final class LegacyTlsProvider {
    private static final String DISABLED = "jdk.tls.disabledAlgorithms";
    // Held so the level set below is not lost when the JUL logger is garbage-collected.
    private static final java.util.logging.Logger BC_JSSE_LOG = java.util.logging.Logger.getLogger("org.bouncycastle.jsse");
    private static final Provider INSTANCE = create();

    private LegacyTlsProvider() {
    }

    static Provider get() {
        return INSTANCE;
    }

    private static synchronized Provider create() {
        // BCJSSE reports every security property it reads at INFO through JUL; that is noise on our console.
        BC_JSSE_LOG.setLevel(Level.WARNING);
        try {
            // (1) SunJSSE reads the property into statics when these classes initialise: make that happen first.
            Class.forName("sun.security.ssl.SSLAlgorithmConstraints", true, null);
            javax.net.ssl.SSLContext.getInstance("TLS").init(null, null, null);
        } catch (ReflectiveOperationException | java.security.GeneralSecurityException e) {
            // A JDK without these internals: nothing to protect, carry on.
        }
        String original = Security.getProperty(DISABLED);
        try {
            if (original != null) {
                Security.setProperty(DISABLED, withoutLegacyTls(original));
            }
            Class.forName("org.bouncycastle.jsse.provider.ProvAlgorithmConstraints", true, LegacyTlsProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("bctls is not on the class path: " + e.getMessage(), e);
        } finally {
            if (original != null) {
                Security.setProperty(DISABLED, original);
            }
        }
        return new BouncyCastleJsseProvider(BouncyCastle.PROVIDER);
    }

    static String withoutLegacyTls(String disabledAlgorithms) {
        List<String> kept = new ArrayList<>();
        for (String entry : disabledAlgorithms.split(",")) {
            String e = entry.trim();
            if (!e.isEmpty() && !e.equals("TLSv1") && !e.equals("TLSv1.1")) {
                kept.add(e);
            }
        }
        return String.join(", ", kept);
    }
}
