package com.securetrunk.gateway.media;

/** A relay request that cannot be served; {@link #kind()} says why so callers can map it (e.g. to SIP 503/488). */
public final class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The port pool has no free pair left (all allocated or in quarantine). */
        PORTS_EXHAUSTED,
        /** No session with that id. */
        UNKNOWN_SESSION,
        /** A session with that id already exists. */
        DUPLICATE_SESSION,
        /** The request does not fit the session (e.g. a different number of streams). */
        BAD_REQUEST,
        /** The relay is closed or a socket could not be opened. */
        UNAVAILABLE
    }

    private final Kind kind;

    public MediaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MediaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
