package com.securetrunk.ami.connection;

import java.util.Optional;

/**
 * An AMI action did not succeed. The message names the action and, when Asterisk answered, what it said; it never
 * contains the manager secret.
 */
public final class AmiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that branch. */
    public enum Kind {
        /** Asterisk answered {@code Response: Error}. */
        ERROR_RESPONSE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The TCP connection failed or dropped. */
        IO,
        /** Not logged in (connecting or reconnecting). */
        NOT_CONNECTED,
        /** The answer was not the kind expected. */
        UNEXPECTED_RESPONSE
    }

    private final Kind kind;
    private final String action;
    private final String asteriskMessage;

    public AmiException(Kind kind, String action, String asteriskMessage, Throwable cause) {
        super(format(kind, action, asteriskMessage), cause);
        this.kind = kind;
        this.action = action;
        this.asteriskMessage = asteriskMessage;
    }

    private static String format(Kind kind, String action, String asteriskMessage) {
        return switch (kind) {
            case ERROR_RESPONSE -> "Asterisk refused " + action + ": " + asteriskMessage;
            case TIMEOUT -> "no answer from Asterisk to " + action + " in time" + suffix(asteriskMessage);
            case IO -> "connection to Asterisk failed during " + action + suffix(asteriskMessage);
            case NOT_CONNECTED -> "cannot send " + action + ": not logged in to Asterisk" + suffix(asteriskMessage);
            case UNEXPECTED_RESPONSE -> "unexpected answer from Asterisk to " + action + suffix(asteriskMessage);
        };
    }

    private static String suffix(String detail) {
        return detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
    }

    public Kind kind() {
        return kind;
    }

    public String action() {
        return action;
    }

    /** Asterisk's {@code Message:} when it answered with an error. */
    public Optional<String> asteriskMessage() {
        return Optional.ofNullable(asteriskMessage);
    }
}
