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
