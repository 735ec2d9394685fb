package com.securetrunk.gateway.media.ng;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control messages both our relay and rtpengine get: the bench's bridge (RTP/AVP A <-> RTP/SAVP B) and variants. */
final class NgMessages {
    private NgMessages() {
    }

    static String pbxSdp(int port, String extraAttributes) {
        return "v=0\r\no=pbx 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n" + extraAttributes + "a=ptime:20\r\n";
    }

    static String secureSdp(int port, String tag, String suite, String inlineKey) {
        return "v=0\r\no=sbc 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=ptime:20\r\na=sendrecv\r\na=crypto:" + tag + " " + suite + " inline:" + inlineKey + "\r\n";
    }

    static Map<String, Object> offer(String callId, String fromTag, String sdp, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "offer");
        m.put("call-id", callId);
        m.put("from-tag", fromTag);
        m.put("sdp", sdp);
        m.put("transport-protocol", "RTP/SAVP");
        m.put("ICE", "remove");
        m.put("DTLS", "off");
        m.put("replace", List.of("origin", "session-connection"));
        m.putAll(extra);
        return m;
    }

    static Map<String, Object> answer(String callId, String fromTag, String toTag, String sdp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "answer");
        m.put("call-id", callId);
        m.put("from-tag", fromTag);
        m.put("to-tag", toTag);
        m.put("sdp", sdp);
        m.put("ICE", "remove");
        m.put("replace", List.of("origin", "session-connection"));
        return m;
    }

    static Map<String, Object> command(String command, String callId, String fromTag) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("call-id", callId);
        if (fromTag != null) {
            m.put("from-tag", fromTag);
        }
        return m;
    }
}
