package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.media.Allocation;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.srtp.MasterKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ng state of one call: the two tags, the offer's streams and the keys we put in SDP. Control thread only. */
final class NgCall {
    final String callId;
    final String fromTag;
    String toTag;
    final SessionId session;
    final long created = System.currentTimeMillis();
    long lastSignal = created;
    Allocation allocation;
    /** The offerer's streams, from its latest offer. */
    List<NgStream> offer;
    final List<StreamState> streams = new ArrayList<>();

    NgCall(String callId, String fromTag) {
        this.callId = callId;
        this.fromTag = fromTag;
        this.session = new SessionId(callId);
    }

    /** Per m= line. */
    static final class StreamState {
        /** Protocol side A (the offerer) uses, and the protocol we offer to side B. */
        String protoA;
        String protoB;
        /** Our keys offered to B, by crypto tag. */
        final Map<Integer, MasterKey> offeredToB = new LinkedHashMap<>();
        /** A's key (from A's SAVP offer) and the tag we answer with, when A is SAVP. */
        MasterKey theirsA;
        MasterKey oursA;
        int tagA;
        /** The suite chosen by B's answer ("crypto suite" in query). */
        String suiteB;
        StreamSpec spec;
    }
}
