package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.Map;

/**
 * What we put in one media section of an offer we sent on, kept until its answer arrives.
 *
 * @param carried      false when we sent it with port 0
 * @param keysByTag    our key under each crypto tag we offered (empty for plain RTP), in tag order
 * @param nearTePt     telephone-event/8000 payload type on the offerer's side, or -1
 * @param farTePt      the same on the far side (after renumbering), or -1
 */
public record OfferedStream(int index, boolean carried, Map<Integer, MasterKey> keysByTag, int nearTePt, int farTePt) {

    public OfferedStream {
        keysByTag = Map.copyOf(keysByTag);
    }

    SrtpSuite suiteOfTag(int tag) {
        MasterKey k = keysByTag.get(tag);
        return k == null ? null : k.suite();
    }
}
