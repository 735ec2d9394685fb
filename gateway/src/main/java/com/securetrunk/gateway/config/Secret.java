package com.securetrunk.gateway.config;

import java.util.Objects;

/**
 * A password, AMI secret or key password from the configuration. {@link #toString()} never shows the value, so a
 * secret printed or logged by accident stays secret; only {@link #reveal()} returns it, for the one place that
 * must hand it to a protocol.
 */
public final class Secret {

    /** What {@link #toString()} prints for a non-empty secret. */
    public static final String REDACTED = "<redacted>";

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret holding {@code value}; the empty string means "not set". */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The "not set" secret. */
    public static Secret empty() {
        return EMPTY;
    }

    /** True when no secret was configured. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The secret itself. Never log it, never put it in an exception message. */
    public String reveal() {
        return value;
    }

    /** Equal when the secrets are equal (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.isEmpty() ? 0 : 1; // deliberately uninformative
    }

    /** {@code <redacted>}, or {@code <empty>} when not set. */
    @Override
    public String toString() {
        return value.isEmpty() ? "<empty>" : REDACTED;
    }
}
