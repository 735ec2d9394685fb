package com.securetrunk.testpbx.asterisk;

/** The configuration the real Asterisk 20.20.1 of observed-transcripts.md ran with. */
final class TranscriptFixtures {

    static final String SIP_CONF = String.join("\n",
            "[general]",
            "context=default",
            "udpbindaddr=127.0.0.1:5070",
            "tcpenable=no",
            "tlsenable=no",
            "transport=udp",
            "allowguest=yes",
            "alwaysauthreject=yes",
            "disallow=all",
            "allow=ulaw",
            "allow=alaw",
            "useragent=Asterisk-ref",
            "sipdebug=no",
            "",
            "[gw]",
            "type=friend",
            "host=127.0.0.1",
            "port=5080",
            "context=from-gw",
            "insecure=port,invite",
            "directmedia=no",
            "qualify=no",
            "disallow=all",
            "allow=ulaw",
            "allow=alaw",
            "");

    private TranscriptFixtures() {
    }
}
