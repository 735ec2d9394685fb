package com.securetrunk.gateway.sip.input;

/** What became of a bad message: the metric label {@code outcome} of {@code securetrunk_sip_bad_messages_total}. */
public enum BadInputOutcome {
    /** Answered 400 Bad Request (RFC 3261 section 21.4.1). */
    ANSWERED_400,
    /** Answered 413 Request Entity Too Large (section 21.4.11). */
    ANSWERED_413,
    /** Answered 505 Version Not Supported (section 21.5.6). */
    ANSWERED_505,
    /** Not answered: a response, an ACK, or too broken to answer (no request line, Via, Call-ID or CSeq). */
    DROPPED;

    /** The label value: {@code answered_400}, ..., {@code dropped}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static BadInputOutcome of(int status) {
        return switch (status) {
            case 400 -> ANSWERED_400;
            case 413 -> ANSWERED_413;
            case 505 -> ANSWERED_505;
            default -> throw new IllegalArgumentException("not a bad-input status: " + status + " (expected: 400, 413 or 505)");
        };
    }
}
