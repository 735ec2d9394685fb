package com.securetrunk.testpbx.sip;

/**
 * A refusal sent to the far side: status line plus a {@code Warning: 399 <host> "<text>"} header
 * (RFC 3261 section 20.43) that says in words what rule was broken.
 */
public record Rejection(int status, String reason, String warning) {
    public static Rejection notAcceptableHere(String warning) {
        return new Rejection(488, "Not Acceptable Here", warning);
    }
}
