package com.securetrunk.gateway.sip;

/** The SIP stack could not be built or started; the message names the listen point or setting at fault. */
public final class SipStackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SipStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
