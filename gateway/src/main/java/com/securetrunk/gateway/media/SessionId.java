package com.securetrunk.gateway.media;

import java.util.Objects;

/** Identifies one media session (one call) in a {@link MediaRelay}; typically the SIP Call-ID of the B2BUA call. */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("session id is empty (expected: e.g. the call's Call-ID)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
