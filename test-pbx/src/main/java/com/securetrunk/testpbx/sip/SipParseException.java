package com.securetrunk.testpbx.sip;

/** A SIP message or SDP body that could not be parsed; the message says what was expected and found. */
public final class SipParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public SipParseException(String message) {
        super(message);
    }
}
