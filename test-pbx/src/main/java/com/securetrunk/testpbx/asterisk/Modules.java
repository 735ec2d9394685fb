package com.securetrunk.testpbx.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The modules a personality has loaded. Descriptions are those the modules register in Asterisk's sources. */
final class Modules {

    private Modules() {
    }

    static List<Module> forPersonality(AsteriskPersonality p) {
        // chan_sip was marked deprecated in 17 (and removed in 21); 13 ships it as "extended".
        String chanSipLevel = p == AsteriskPersonality.V13_8_CERT2 ? "extended" : "deprecated";
        List<Module> m = new ArrayList<>();
        m.add(new Module("app_dial.so", "Dialing Application", 0, "core", Optional.empty(), false));
        m.add(new Module("chan_pjsip.so", "PJSIP Channel Driver", 0, "core", Optional.empty(), false));
        m.add(new Module("chan_sip.so", "Session Initiation Protocol (SIP)", 0, chanSipLevel,
                Optional.of("sip.conf"), true));
        m.add(new Module("codec_alaw.so", "A-law Coder/Decoder", 0, "core", Optional.empty(), false));
        m.add(new Module("codec_ulaw.so", "mu-Law Coder/Decoder", 0, "core", Optional.empty(), false));
        m.add(new Module("pbx_config.so", "Text Extension Configuration", 0, "core",
                Optional.of("extensions.conf"), true));
        m.add(new Module("res_pjsip.so", "Basic SIP resource", 44, "core", Optional.of("pjsip.conf"), true));
        m.add(new Module("res_pjsip_sdp_rtp.so", "PJSIP SDP RTP/AVP stream handler", 0, "core",
                Optional.empty(), false));
        m.add(new Module("res_pjsip_session.so", "PJSIP Session resource", 20, "core", Optional.empty(), false));
        m.add(new Module("res_rtp_asterisk.so", "Asterisk RTP Stack", 0, "core", Optional.empty(), true));
        m.add(new Module("res_srtp.so", "Secure RTP (SRTP)", 0, "core", Optional.empty(), false));
        return m;
    }
}
