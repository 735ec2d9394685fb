package com.securetrunk.gateway.sip;

import com.securetrunk.gateway.media.Allocation;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.negotiation.MediaStreamKeys;
import com.securetrunk.gateway.sdp.negotiation.PendingOffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.message.Request;

/**
 * One call through the B2BUA: the inbound leg (the side that sent the INVITE) and the outbound leg, their dialogs,
 * the media session and the latest negotiated SDP and keys per side. Every event of a call runs under the call's
 * monitor ({@code synchronized (call)}), so the fields need no further locking.
 */
final class B2bCall {
    enum State { TRYING, EARLY, CONFIRMED, ENDED }

    final SessionId id;
    final Side inSide;
    final Side outSide;
    final String source;
    State state = State.TRYING;

    // inbound leg
    ServerTransaction inviteTx;
    Request inInvite;
    Dialog inDialog;
    SipProvider inProvider;
    String inTag;
    SessionDescription inOffer;

    // outbound leg
    List<ResolvedTarget> targets = List.of();
    int targetIndex = -1;
    ClientTransaction outTx;
    Request outInvite;
    Dialog outDialog;
    SipProvider outProvider;
    boolean provisionalSeen;
    boolean cancelPending;
    boolean authTried;
    String lastFailure = "";

    // for observers (metrics, call log)
    final long startNanos = System.nanoTime();
    long answeredNanos;
    String endReason;
    /** The Asterisk channel tied to the PBX-side leg by the AMI bridge ({@code ""} until then), for the logs. */
    volatile String asteriskChannel = "";

    // media
    Allocation allocation;
    PendingOffer pendingToOut;
    boolean earlyMediaDone;
    String earlyAnswerSent;
    final Map<Side, PendingOffer> lastOfferTo = new EnumMap<>(Side.class);
    final Map<Side, List<MediaStreamKeys>> keys = new EnumMap<>(Side.class);
    final Map<Side, SessionDescription> remoteSdp = new EnumMap<>(Side.class);

    B2bCall(SessionId id, Side inSide, String source) {
        this.id = id;
        this.inSide = inSide;
        this.outSide = inSide.other();
        this.source = source;
    }

    /**
     * Drops what an ended call no longer needs. The call object itself stays reachable for as long as JAIN-SIP keeps
     * its dialogs (application data) and their transactions: the stack's linger after the end (1 s, SipStackFactory),
     * longer for whatever a stack setting does not cover, and whatever it references is live heap every young
     * collection copies. What stays: the state and identity (a crossing
     * BYE gets its 200, a late re-INVITE its 481), and for a call that was never answered the outbound leg, since a
     * late provisional must still be CANCELled and a late 2xx ACKed and BYEd.
     */
    void releaseEnded() {
        inOffer = null;
        pendingToOut = null;
        earlyAnswerSent = null;
        allocation = null;
        lastOfferTo.clear();
        keys.clear();
        remoteSdp.clear();
        if (answeredNanos != 0) {
            inviteTx = null;
            inInvite = null;
            inDialog = null;
            targets = List.of();
            targetIndex = -1;
            outTx = null;
            outInvite = null;
            outDialog = null;
        }
    }

    Dialog dialog(Side side) {
        return side == inSide ? inDialog : outDialog;
    }

    SipProvider provider(Side side) {
        return side == inSide ? inProvider : outProvider;
    }

    ResolvedTarget currentTarget() {
        return targetIndex >= 0 && targetIndex < targets.size() ? targets.get(targetIndex) : null;
    }

    @Override
    public String toString() {
        return "call " + id + " (" + inSide.name().toLowerCase() + " -> " + outSide.name().toLowerCase() + ", " + state
                + (asteriskChannel.isEmpty() ? "" : ", " + asteriskChannel) + ")";
    }
}
