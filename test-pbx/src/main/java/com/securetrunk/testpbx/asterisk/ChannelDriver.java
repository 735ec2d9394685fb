package com.securetrunk.testpbx.asterisk;

/**
 * What the simulated Asterisk needs from its SIP side to place a call through a trunk. Implemented by the SIP user
 * agent (package {@code com.securetrunk.testpbx.sip}); the PBX calls it on Originate and learns how the call goes
 * through the {@link CallProgress} it passes in.
 */
public interface ChannelDriver {

    /**
     * Starts a call to {@code exten} through {@code trunk} (INVITE to the trunk's host, port and transport, offering
     * the trunk's codecs). Must not block: progress is reported later, from any thread, through {@code progress}.
     *
     * @return a handle with which the PBX hangs the call up (AMI Hangup, Originate timeout)
     */
    CallHandle dial(Trunk trunk, String exten, CallerId callerId, CallProgress progress);

    /** How an outgoing call develops. Each method may be called at most once, in this order. */
    interface CallProgress {
        /** 180/183 received. */
        void ringing();

        /** 200 OK received and ACKed: media flows. */
        void answered();

        /** The call did not get answered (final non-2xx, timeout, transport error). */
        void failed(DialStatus status, HangupCause cause);

        /** The far end sent BYE after the answer. */
        void remoteHangup(HangupCause cause);
    }

    /** A call in progress, as the side that can end it sees it (the driver for outgoing calls, the SIP UA for incoming). */
    interface CallHandle {
        /** CANCEL before the answer or BYE after it. Idempotent. */
        void hangup(HangupCause cause);

        /**
         * Fault injection: ends the call on this side as {@link #hangup} would, but the BYE (or CANCEL) is lost on
         * the way, so the far end never hears of it. Defaults to a normal hangup for drivers without the fault.
         */
        default void hangupDroppingBye(HangupCause cause) {
            hangup(cause);
        }

        /** The SIP Call-ID of the call ({@code ""} when the driver has none): chan_sip's {@code SIPCALLID}. */
        default String sipCallId() {
            return "";
        }
    }
}
