package com.securetrunk.ami.discovery;

/**
 * The built-in profile names discovery can pick. They must exist in the {@code profiles} module's built-in catalog
 * (a test checks this against the loaded catalog).
 */
public final class ProfileNames {

    /** Asterisk 13.8-cert* / 13.10 with res_pjsip on pjproject 2.5: no TLS/SRTP with the secure domain itself. */
    public static final String ASTERISK_13_8_CERT2 = "asterisk-13.8-cert2";
    /** Any Asterisk whose trunk uses chan_sip. */
    public static final String ASTERISK_CHAN_SIP = "asterisk-chan_sip";
    /** Asterisk with res_pjsip on pjproject 2.5.5 or later. */
    public static final String ASTERISK_PJSIP_MODERN = "asterisk-pjsip-modern";

    /**
     * FreePBX: Asterisk underneath, which is all AMI shows; discovery cannot tell it from plain Asterisk, so a
     * configured {@code freepbx} is never reported as a mismatch.
     */
    public static final String FREEPBX = "freepbx";

    private ProfileNames() {
    }
}
