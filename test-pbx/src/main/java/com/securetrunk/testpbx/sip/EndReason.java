package com.securetrunk.testpbx.sip;

/**
 * Why a call ended.
 *
 * @param kind    the category
 * @param status  the SIP status involved (final response received or sent), 0 when none
 * @param text    human-readable detail: reason phrase, Warning text, or transport error
 */
public record EndReason(Kind kind, int status, String text) {

    public enum Kind {
        /** This side hung up (BYE or CANCEL sent). */
        LOCAL_HANGUP,
        /** The far side sent BYE. */
        REMOTE_HANGUP,
        /** The far side answered our INVITE with a final error response ({@link #status}). */
        REJECTED,
        /** This side refused the far side's INVITE with {@link #status}. */
        REFUSED,
        /** The far side cancelled its INVITE before we answered. */
        CANCELLED,
        /** No final response (or no ACK) in time. */
        TIMEOUT,
        /** The connection could not be made or broke (e.g. TLS handshake failure). */
        TRANSPORT_ERROR,
        /** The answer's SDP could not be used (no common codec, bad crypto); the call was torn down. */
        MEDIA_FAILURE
    }

    @Override
    public String toString() {
        return kind + (status > 0 ? " " + status : "") + (text == null || text.isEmpty() ? "" : " (" + text + ")");
    }
}
