package com.securetrunk.profiles;

import java.util.Locale;

/** SIP transports (RFC 3261 section 18; TLS per RFC 5630). Written in lower case in profile files. */
public enum Transport {
    UDP, TCP, TLS;

    /** The spelling used in profile files and in the SIP {@code transport=} URI parameter. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
