package com.securetrunk.gateway.media;

import com.securetrunk.gateway.srtp.MasterKey;
import java.util.Objects;

/**
 * The negotiated SDES keys of one SRTP leg (RFC 4568): {@code ours} protects what the relay sends to the
 * peer (the key in our SDP), {@code theirs} unprotects what the peer sends (the key in its SDP).
 * Both keys must be for the same suite. {@link MasterKey#toString()} redacts, so this record may be logged.
 */
public record SrtpKeys(MasterKey ours, MasterKey theirs) {
    public SrtpKeys {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        if (ours.suite() != theirs.suite()) {
            throw new IllegalArgumentException("our key is for " + ours.suite() + " but theirs is for "
                    + theirs.suite() + " (expected: one negotiated suite per leg)");
        }
    }
}
