package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiBridgeListener;
import com.securetrunk.ami.ChannelHangup;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.SessionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does with the AMI bridge's channel events: Asterisk's uniqueid/linkedid go into the call log
 * next to the SIP Call-ID, and when Asterisk hangs up a trunk channel the media session of that Call-ID is released
 * (the BYE may never have reached the gateway; releasing a session that already ended does nothing).
 *
 * <p>Media sessions are keyed by the Call-ID of the PBX-side leg, which is the Call-ID Asterisk knows.
 */
public final class AmiCallListener implements AmiBridgeListener {

    private static final Logger CALLS = LoggerFactory.getLogger("com.securetrunk.calls");

    private final MediaRelay relay;

    public AmiCallListener(MediaRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onChannelCorrelated(String callId, String channel, String uniqueId, String linkedId) {
        CALLS.info("call {}: Asterisk channel {} uniqueid {} linkedid {}", callId, channel, uniqueId, linkedId);
    }

    @Override
    public void onChannelHangup(ChannelHangup h) {
        int before = relay.sessionCount();
        relay.release(new SessionId(h.callId()));
        boolean released = relay.sessionCount() < before;
        CALLS.info("call {}: Asterisk hung up {} (uniqueid {}, linkedid {}, cause {} {}){}", h.callId(), h.channel(),
                h.uniqueId(), h.linkedId(), h.cause(), h.causeText(),
                released ? "; its media session was still open and is now released" : "");
    }
}
