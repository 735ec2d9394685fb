package com.securetrunk.gateway.sip.input;

/**
 * The guard's decision on one message.
 *
 * @param status      0 to pass the message to the stack; 400, 413 or 505 to answer it; -1 to drop it
 * @param reason      what is wrong, for the Warning header and the log line (null when passed)
 * @param rule        short rule id for the log ({@code sip-syntax}, {@code sip-version}, {@code max-sip-message-size})
 * @param message     the scanned message (for rendering the answer)
 * @param closeStream on TCP/TLS, the connection cannot be trusted any further (not SIP, framing lost, too large)
 */
record Verdict(int status, String reason, String rule, RawSipMessage message, boolean closeStream) {
    static final Verdict PASS = new Verdict(0, null, null, null, false);

    static Verdict answer(int status, String reason, String rule, RawSipMessage m, boolean closeStream) {
        return ErrorResponse.answerable(m) ? new Verdict(status, reason, rule, m, closeStream) : drop(reason, rule, m, closeStream);
    }

    static Verdict drop(String reason, String rule, RawSipMessage m, boolean closeStream) {
        return new Verdict(-1, reason, rule, m, closeStream);
    }

    boolean passes() {
        return status == 0;
    }

    boolean answered() {
        return status > 0;
    }

    Verdict closingStream() {
        return closeStream ? this : new Verdict(status, reason, rule, message, true);
    }

    BadInputOutcome outcome() {
        return answered() ? BadInputOutcome.of(status) : BadInputOutcome.DROPPED;
    }

    String reasonPhrase() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 413 -> "Request Entity Too Large";
            case 505 -> "Version Not Supported";
            default -> throw new IllegalStateException("no response for status " + status);
        };
    }
}
