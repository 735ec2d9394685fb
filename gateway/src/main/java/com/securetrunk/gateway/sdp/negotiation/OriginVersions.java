package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.Origin;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SessionDescription;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@code o=} line of the SDP we send on one dialog leg consistent (RFC 3264 section 8): the same
 * username and session id for the whole dialog, and a version that goes up by one exactly when the description
 * changed. The rewritten SDP copies the other side's {@code o=}, whose version follows the other side's changes,
 * not ours (e.g. we re-key while the other side does not), so every SDP sent is passed through {@link #next}.
 */
public final class OriginVersions {

    private OriginVersions() {
    }

    /**
     * @param previousSent what we last sent on this leg, or null for the first SDP of the dialog
     * @param next         what we are about to send
     * @return {@code next} with the o= line this leg must carry
     */
    public static SessionDescription next(SessionDescription previousSent, SessionDescription next) {
        if (previousSent == null || previousSent.origin().isEmpty() || next.origin().isEmpty()) {
            return next;
        }
        Origin prev = previousSent.origin().get();
        Origin now = next.origin().get();
        boolean changed = !withoutOrigin(previousSent).equals(withoutOrigin(next))
                || !prev.address().equals(now.address());
        String version = changed ? increment(prev.sessionVersion()) : prev.sessionVersion();
        Origin o = new Origin(prev.username(), prev.sessionId(), version, now.netType(), now.addrType(), now.address());
        List<SdpLine> lines = new ArrayList<>();
        for (SdpLine l : next.sessionLines()) {
            lines.add(l.type() == 'o' ? o.toLine() : l);
        }
        return next.withSessionLines(lines);
    }

    private static SessionDescription withoutOrigin(SessionDescription sdp) {
        return sdp.withSessionLines(sdp.sessionLines().stream().filter(l -> l.type() != 'o').toList());
    }

    /** sess-version is a decimal of any size (RFC 8866 section 5.2); a non-numeric one restarts at 1. */
    static String increment(String version) {
        try {
            return new BigInteger(version).add(BigInteger.ONE).toString();
        } catch (NumberFormatException e) {
            return "1";
        }
    }
}
