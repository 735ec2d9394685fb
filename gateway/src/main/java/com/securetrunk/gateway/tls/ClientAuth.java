package com.securetrunk.gateway.tls;

/**
 * Whether our TLS server asks its peers for a certificate. There is deliberately no "need": Twilio and most PBXs
 * present none, and JAIN-SIP RI's NIO default of requiring one is exactly the quirk we configure away.
 */
public enum ClientAuth {
    /** Ask for a certificate, accept the connection without one (JAIN-SIP {@code TLS_CLIENT_AUTH_TYPE=Want}). */
    WANT,
    /** Do not ask (JAIN-SIP {@code TLS_CLIENT_AUTH_TYPE=Disabled}). */
    NONE;

    /** The JAIN-SIP RI {@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE} value for this mode. */
    public String jainSipValue() {
        return this == WANT ? "Want" : "Disabled";
    }
}
