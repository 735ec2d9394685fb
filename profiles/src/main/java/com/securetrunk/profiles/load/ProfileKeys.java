package com.securetrunk.profiles.load;

import java.util.List;

/**
 * Every key a profile file may hold, with its expected form. docs/profiles.md documents each (a test checks).
 * {@code notes.<id>.text} and {@code notes.<id>.source} repeat for each note id.
 */
public final class ProfileKeys {

    public static final String EXTENDS = "extends";
    public static final String DESCRIPTION = "identity.description";
    public static final String FAMILY = "identity.family";
    public static final String VERSIONS = "identity.versions";
    public static final String TRANSPORTS = "signalling.transports";
    public static final String DEFAULT_PORT = "signalling.default-port";
    public static final String TLS_MIN = "signalling.tls.min-version";
    public static final String TLS_MAX = "signalling.tls.max-version";
    public static final String TLS_VERIFY = "signalling.tls.verify-certificates";
    public static final String TLS_WILDCARD = "signalling.tls.wildcard-policy";
    public static final String KEEP_ALIVE = "signalling.keep-alive-interval";
    public static final String FORCE_RPORT = "signalling.quirks.force-rport";
    public static final String REWRITE_CONTACT = "signalling.quirks.rewrite-contact";
    public static final String MAX_MESSAGE_SIZE = "signalling.quirks.max-message-size";
    public static final String SRTP = "media.srtp";
    public static final String OFFER_SUITES = "media.offer-suites";
    public static final String ACCEPT_SUITES = "media.accept-suites";
    public static final String SEND_LIFETIME = "media.crypto.send-lifetime";
    public static final String ACCEPT_LIFETIME = "media.crypto.accept-lifetime";
    public static final String ACCEPT_MKI = "media.crypto.accept-mki";
    public static final String SESSION_PARAMS = "media.crypto.allow-session-params";
    public static final String TAG_ZERO = "media.crypto.accept-tag-zero";
    public static final String EXACT_KEY_LENGTH = "media.crypto.exact-key-length";
    public static final String SRTCP_ENCRYPTION = "media.srtcp-encryption";
    public static final String RTCP_MUX = "media.rtcp-mux";
    public static final String SYMMETRIC_RTP = "media.symmetric-rtp";
    public static final String TELEPHONE_EVENT_PT = "media.telephone-event-payload-type";
    public static final String PTIME = "media.ptime";
    /** The notes section: {@code notes.<id> { text = "...", source = "..." }}. */
    public static final String NOTES = "notes";
    public static final String NOTE_TEXT = "text";
    public static final String NOTE_SOURCE = "source";

    /** Every fixed key path (the note keys are {@code notes.<id>.text} and {@code notes.<id>.source}). */
    public static final List<String> ALL = List.of(EXTENDS, DESCRIPTION, FAMILY, VERSIONS, TRANSPORTS, DEFAULT_PORT,
            TLS_MIN, TLS_MAX, TLS_VERIFY, TLS_WILDCARD, KEEP_ALIVE, FORCE_RPORT, REWRITE_CONTACT, MAX_MESSAGE_SIZE,
            SRTP, OFFER_SUITES, ACCEPT_SUITES, SEND_LIFETIME, ACCEPT_LIFETIME, ACCEPT_MKI, SESSION_PARAMS, TAG_ZERO,
            EXACT_KEY_LENGTH, SRTCP_ENCRYPTION, RTCP_MUX, SYMMETRIC_RTP, TELEPHONE_EVENT_PT, PTIME,
            NOTES + ".<id>." + NOTE_TEXT, NOTES + ".<id>." + NOTE_SOURCE);

    /** Largest SIP message size a profile may name, in bytes. */
    public static final int MAX_MESSAGE_SIZE_LIMIT = 1 << 20;

    private ProfileKeys() {
    }
}
