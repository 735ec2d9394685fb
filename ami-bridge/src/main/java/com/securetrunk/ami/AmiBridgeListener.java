package com.securetrunk.ami;

import com.securetrunk.ami.provision.ProvisionResult;

import java.util.List;

/**
 * How the bridge talks to the gateway. Every method has an empty default so the gateway implements only what it
 * needs. Methods are called on the bridge's own thread, never on asterisk-java's reader thread, one at a time;
 * they must not block for long.
 */
public interface AmiBridgeListener {

    /** Discovery finished after a (re)connect. */
    default void onPbxIdentified(PbxIdentity identity, List<PbxWarning> warnings) {
    }

    /**
     * A channel on the SecureTrunk trunk was hung up by Asterisk. The gateway releases the media session of that
     * Call-ID if it is still open (its BYE may never have arrived); it ignores calls it already ended.
     */
    default void onChannelHangup(ChannelHangup hangup) {
    }

    /** A trunk channel was tied to a SIP Call-ID: the gateway adds uniqueid/linkedid to that call's log line. */
    default void onChannelCorrelated(String callId, String channel, String uniqueId, String linkedId) {
    }

    /** The connection changed state (connected, dropped, waiting to reconnect). */
    default void onConnectionState(ConnectionStatus status) {
    }

    /** A provisioning check ran (after connect, FullyBooted or Reload): what it changed, or why it failed. */
    default void onProvisioned(ProvisionResult result) {
    }
}
