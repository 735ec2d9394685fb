package com.securetrunk.ami;

import java.util.Objects;

/**
 * A password that must never reach a log, an exception message or a dry-run printout.
 * {@link #toString()} always redacts; only {@link #reveal()} gives the value, and only the code that puts it on the
 * wire (AMI login, an {@code UpdateConfig} value) calls it.
 */
public final class Secret {

    /** What every printout shows instead of the value. */
    public static final String REDACTED = "********";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty secret; the error names only the field, never the value. */
    public static Secret of(String value, String field) {
        Objects.requireNonNull(field, "field");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected a non-empty secret, found none");
        }
        return new Secret(value);
    }

    /** The value itself, for the wire only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
