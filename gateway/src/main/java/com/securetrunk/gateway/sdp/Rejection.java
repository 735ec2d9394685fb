package com.securetrunk.gateway.sdp;

import java.util.Objects;

/**
 * A refusal that reaches a peer: the SIP status, the text for the {@code Warning} header and the id of the rule
 * that refused (for logs, metrics and the tests that prove each rule).
 *
 * <p>Warning header (RFC 3261 section 20.43): {@code Warning: <warn-code> <warn-agent> "<warn-text>"}; the
 * codes used are the 3xx media codes of section 20.43 (302 incompatible transport, 304 media type not
 * available, 305 incompatible media format, 306 attribute not understood) and 399 miscellaneous.
 */
public record Rejection(int status, int warnCode, String warning, String ruleId) {

    public static final int WARN_TRANSPORT = 302;
    public static final int WARN_MEDIA_TYPE = 304;
    public static final int WARN_MEDIA_FORMAT = 305;
    public static final int WARN_ATTRIBUTE = 306;
    public static final int WARN_MISC = 399;

    public Rejection {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("rejection status must be 300-699, got " + status);
        }
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    /** 400 Bad Request: the SDP body is malformed. */
    public static Rejection badRequest(String warning, String ruleId) {
        return new Rejection(400, WARN_MISC, warning, ruleId);
    }

    /** 488 Not Acceptable Here: the SDP is understood but nothing in it can be accepted. */
    public static Rejection notAcceptableHere(int warnCode, String warning, String ruleId) {
        return new Rejection(488, warnCode, warning, ruleId);
    }

    /** The Warning header value, e.g. {@code 399 securetrunk "SRTP required by profile twilio-secure"}. */
    public String warningHeader(String agent) {
        String text = warning.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
        return warnCode + " " + agent + " \"" + text + "\"";
    }

    @Override
    public String toString() {
        return status + " [" + ruleId + "] " + warning;
    }
}
