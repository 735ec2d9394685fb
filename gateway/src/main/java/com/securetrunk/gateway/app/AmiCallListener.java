package com.securetrunk.gateway.app;

import com.securetrunk.ami.AmiBridgeListener;
import com.securetrunk.ami.ChannelHangup;
import com.securetrunk.ami.ConnectionStatus;
import com.securetrunk.ami.PbxIdentity;
import com.securetrunk.ami.PbxWarning;
import com.securetrunk.ami.provision.ProvisionResult;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.sip.B2bua;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does with the AMI bridge's events: Asterisk's uniqueid/linkedid go into the call log next to the
 * SIP Call-ID, and when Asterisk hangs up a trunk channel whose call is still in progress here (its BYE never
 * arrived) the call is ended and its media session released. Also logs the bridge's state, once per change.
 *
 * <p>The Call-ID Asterisk reports is that of the PBX-side leg; the B2BUA finds the call by it (see
 * {@link B2bua#pbxHungUp}). Without a B2BUA (the stand-alone relay) the media session named by the Call-ID itself is
 * released. Releasing a session that already ended does nothing.
 */
public final class AmiCallListener implements AmiBridgeListener {

    private static final Logger CALLS = LoggerFactory.getLogger(com.securetrunk.gateway.app.calllog.CallLog.LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(AmiCallListener.class);

    private final B2bua b2bua;
    private final MediaRelay relay;
    // Only touched on the bridge thread (listener methods are called one at a time there).
    private String lastState = "";
    private String lastIdentity = "";

    /** Media sessions keyed by the Call-ID itself (no B2BUA). */
    public AmiCallListener(MediaRelay relay) {
        this(null, relay);
    }

    /** Calls of the running gateway's B2BUA. */
    public AmiCallListener(B2bua b2bua, MediaRelay relay) {
        this.b2bua = b2bua;
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    @Override
    public void onChannelCorrelated(String callId, String channel, String uniqueId, String linkedId) {
        if (b2bua == null || !b2bua.correlatePbxChannel(callId, channel, uniqueId, linkedId)) {
            CALLS.info("call {}: Asterisk channel {} uniqueid {} linkedid {}", callId, channel, uniqueId, linkedId);
        }
    }

    @Override
    public void onChannelHangup(ChannelHangup h) {
        boolean released = false;
        if (b2bua != null) {
            released = b2bua.pbxHungUp(h.callId(), "Asterisk hung up " + h.channel() + " (uniqueid " + h.uniqueId()
                    + ", linkedid " + h.linkedId() + ", cause " + h.cause() + " " + h.causeText() + ")");
        }
        if (!released) {
            int before = relay.sessionCount();
            relay.release(new SessionId(h.callId()));
            released = relay.sessionCount() < before;
        }
        CALLS.info("call {}: Asterisk hung up {} (uniqueid {}, linkedid {}, cause {} {}){}", h.callId(), h.channel(),
                h.uniqueId(), h.linkedId(), h.cause(), h.causeText(),
                released ? "; its media session was still open and is now released" : "");
    }

    @Override
    public void onConnectionState(ConnectionStatus status) {
        if (status.state() == ConnectionStatus.State.CONNECTING) {
            return; // every attempt passes through it: a PBX that stays down would log it again and again
        }
        String now = status.state() + status.lastError().map(e -> ": " + e).orElse("");
        if (!now.equals(lastState)) {
            lastState = now;
            LOG.info("AMI bridge {}", now);
        }
    }

    @Override
    public void onPbxIdentified(PbxIdentity identity, List<PbxWarning> warnings) {
        String now = identity.summary() + warnings.stream().map(PbxWarning::message).toList();
        if (!now.equals(lastIdentity)) {
            lastIdentity = now;
            LOG.info("AMI bridge: PBX is {}", identity.summary());
            warnings.forEach(w -> LOG.warn("AMI bridge: {}", w.message()));
        }
    }

    @Override
    public void onProvisioned(ProvisionResult result) {
        if (!result.ok()) {
            LOG.warn("AMI bridge: trunk provisioning failed: {}", result.message());
        }
    }
}
