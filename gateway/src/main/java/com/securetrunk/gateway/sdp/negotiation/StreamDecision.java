package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Direction;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

/** What we do with one offered media section. */
sealed interface StreamDecision {

    int index();

    /**
     * Carried. {@code chosen}/{@code suite}/{@code theirKey} are null for plain RTP.
     *
     * @param direction the offerer's effective direction (hold via {@code c=0.0.0.0} folded in)
     */
    record Accepted(int index, CryptoAttribute chosen, SrtpSuite suite, MasterKey theirKey, Direction direction)
            implements StreamDecision {
        boolean secure() {
            return chosen != null;
        }
    }

    /** Rejected alone: port 0 in the answer, the call goes on with the other streams. */
    record Rejected(int index, String reason, String ruleId, int warnCode) implements StreamDecision {
    }
}
