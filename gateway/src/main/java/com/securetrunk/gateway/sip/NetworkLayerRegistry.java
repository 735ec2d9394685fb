package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.sip.input.InputGuard;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a stack's {@link Setup} (its TLS side and its input guard) to the {@link PolicyNetworkLayer} and
 * {@link PolicySecurityManagerProvider} that JAIN-SIP instantiates by class name with a no-arg constructor. JAIN-SIP
 * wraps the stack properties so that only strings survive, hence a key in the properties and this map. Entries live
 * only while a stack is being constructed.
 */
final class NetworkLayerRegistry {
    /** Stack property naming the registry entry. */
    static final String PROPERTY = "com.securetrunk.sip.NETWORK_LAYER_SETUP";
    private static final Map<String, Setup> SETUPS = new ConcurrentHashMap<>();

    /**
     * @param tls   the side's TLS configuration, or null when the stack has none
     * @param guard checks every message received on the stack's listeners
     */
    record Setup(TlsSide tls, InputGuard guard) {
        Setup {
            Objects.requireNonNull(guard, "guard");
        }
    }

    private NetworkLayerRegistry() {
    }

    static String register(Setup setup) {
        String key = UUID.randomUUID().toString();
        SETUPS.put(key, setup);
        return key;
    }

    static Setup lookup(String key) {
        return key == null ? null : SETUPS.get(key);
    }

    static void unregister(String key) {
        SETUPS.remove(key);
    }
}
