package com.securetrunk.profiles;

import java.util.Locale;

/** The kind of product a profile describes; written in lower case in profile files ({@code family = asterisk}). */
public enum Family {
    /** Asterisk, chan_sip or res_pjsip. */
    ASTERISK,
    /** FreePBX (an Asterisk distribution with its own configuration GUI). */
    FREEPBX,
    /** Endpoints built on pjsip/pjmedia (pjsua and friends). */
    PJSIP,
    /** Twilio Programmable Voice / Elastic SIP Trunking. */
    TWILIO,
    /** Anything that follows the RFCs and has no product-specific quirks worth naming. */
    GENERIC;

    /** The spelling used in profile files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
