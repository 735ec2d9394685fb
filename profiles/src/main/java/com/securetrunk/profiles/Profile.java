package com.securetrunk.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved compatibility profile: how one kind of peer behaves and what the gateway must do to interoperate
 * with it. Immutable; inheritance ({@code extends}) is already applied.
 *
 * <p>Consumers read the part they own: the SIP edge {@link #signalling()}, the TLS edge
 * {@code signalling().tls()}, the SDP negotiation and the relay {@link #media()}.
 *
 * @param identity   name, description, family, versions
 * @param parent     the profile this one extends, if any (as written in its {@code extends} key)
 * @param source     where it was read from: {@code built-in} or a file path
 * @param signalling SIP transports, port, TLS, keep-alive, quirks
 * @param media      SRTP mode, suites, crypto rules, RTP details
 * @param notes      one sentence per quirk with its source, ordered by id
 */
public record Profile(Identity identity, Optional<String> parent, String source, Signalling signalling, Media media,
                      List<Note> notes) {

    /** The {@link #source()} of profiles shipped inside SecureTrunk. */
    public static final String BUILT_IN = "built-in";

    public Profile {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(signalling, "signalling");
        Objects.requireNonNull(media, "media");
        notes = List.copyOf(notes);
    }

    /** The profile's name, e.g. {@code twilio-secure}. */
    public String name() {
        return identity.name();
    }

    /** The kind of product. */
    public Family family() {
        return identity.family();
    }

    /** Shortcut for {@code signalling().tls()}. */
    public TlsSettings tls() {
        return signalling.tls();
    }

    /** True when this profile ships inside SecureTrunk. */
    public boolean builtIn() {
        return BUILT_IN.equals(source);
    }
}
