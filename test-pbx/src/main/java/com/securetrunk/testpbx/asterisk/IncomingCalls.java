package com.securetrunk.testpbx.asterisk;

import java.net.InetSocketAddress;

/**
 * What the SIP side tells the simulated Asterisk about calls that arrive from the network, so that the PBX emits
 * the AMI events a real Asterisk would (Newchannel, Newstate Ring, Newstate Up, Hangup).
 */
public interface IncomingCalls {

    /**
     * An INVITE arrived from {@code source} for {@code exten}. The PBX matches the source against its trunks (the
     * peer whose host and port it came from), exactly as chan_sip does; an unknown source becomes a guest channel.
     *
     * @param control how the PBX ends the call itself (AMI Hangup): the SIP side sends BYE (or a final error)
     */
    InboundChannel incoming(InetSocketAddress source, String exten, CallerId caller,
                            ChannelDriver.CallHandle control);

    /** The PBX's view of one inbound call; the SIP side reports its answer and its end. */
    interface InboundChannel {
        /** The AMI channel name, e.g. {@code SIP/gw-00000000}. */
        String channelName();

        /** The PBX (the SIP side) answered: 200 OK sent and ACKed. */
        void answered();

        /** The call ended (BYE either way, CANCEL, or a failure before answer). Idempotent. */
        void hungUp(HangupCause cause);
    }
}
