package com.securetrunk.gateway.srtp;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SRTP master key and master salt for one suite, as carried by an SDES {@code inline:} parameter
 * (RFC 4568 section 6.1: base64 of key || salt).
 *
 * <p>Immutable: the arrays are copied in and out. {@link #toString()} never shows key material, so a
 * {@code MasterKey} can be logged by accident without leaking it.
 */
public final class MasterKey {
    private final SrtpSuite suite;
    private final byte[] key;
    private final byte[] salt;

    public MasterKey(SrtpSuite suite, byte[] key, byte[] salt) {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (key.length != suite.keyLength()) {
            throw new IllegalArgumentException("master key is " + key.length + " bytes (expected: "
                    + suite.keyLength() + " for " + suite + ")");
        }
        if (salt.length != suite.saltLength()) {
            throw new IllegalArgumentException("master salt is " + salt.length + " bytes (expected: "
                    + suite.saltLength() + " for " + suite + ")");
        }
        this.key = key.clone();
        this.salt = salt.clone();
    }

    /** Splits {@code key || salt} material (the decoded {@code inline:} value) for {@code suite}. */
    public static MasterKey fromKeyMaterial(SrtpSuite suite, byte[] material) {
        if (material.length != suite.keyMaterialLength()) {
            throw new IllegalArgumentException("key material is " + material.length + " bytes (expected: "
                    + suite.keyMaterialLength() + " for " + suite + ")");
        }
        return new MasterKey(suite, Arrays.copyOfRange(material, 0, suite.keyLength()),
                Arrays.copyOfRange(material, suite.keyLength(), material.length));
    }

    /** Decodes an SDES {@code inline:} base64 value (without the {@code inline:} prefix). */
    public static MasterKey fromInline(SrtpSuite suite, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inline key is not valid base64 (" + e.getMessage() + ")");
        }
        return fromKeyMaterial(suite, material);
    }

    public SrtpSuite suite() {
        return suite;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    /** key || salt, the bytes an {@code inline:} parameter carries. */
    public byte[] keyMaterial() {
        byte[] out = Arrays.copyOf(key, key.length + salt.length);
        System.arraycopy(salt, 0, out, key.length, salt.length);
        return out;
    }

    /** The base64 text for an SDES {@code inline:} parameter. Never log it. */
    public String toInline() {
        return Base64.getEncoder().encodeToString(keyMaterial());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey m && m.suite == suite && Arrays.equals(m.key, key) && Arrays.equals(m.salt, salt);
    }

    @Override
    public int hashCode() {
        return 31 * suite.hashCode() + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[" + suite + ", key=<redacted>]";
    }
}
