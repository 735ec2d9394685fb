package com.securetrunk.gateway.sip;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a {@link TlsSide} to the {@link PolicyNetworkLayer} that JAIN-SIP instantiates by class name with a no-arg
 * constructor. JAIN-SIP wraps the stack properties so that only strings survive, hence a key in the properties and
 * this map. Entries live only while a stack is being constructed.
 */
final class TlsSideRegistry {
    /** Stack property naming the registry entry. */
    static final String PROPERTY = "com.securetrunk.sip.TLS_SIDE";
    private static final Map<String, TlsSide> SIDES = new ConcurrentHashMap<>();

    private TlsSideRegistry() {
    }

    static String register(TlsSide side) {
        String key = UUID.randomUUID().toString();
        SIDES.put(key, side);
        return key;
    }

    static TlsSide lookup(String key) {
        return key == null ? null : SIDES.get(key);
    }

    static void unregister(String key) {
        SIDES.remove(key);
    }
}
