package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.MediaLine;
import com.securetrunk.gateway.sdp.Rejection;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.KeyParam;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the far side's answer to an offer we sent (RFC 3264 section 7, RFC 4568 section 7.1.3): same number of
 * m= lines; per secure stream exactly one {@code a=crypto} whose tag is one we offered and whose suite is the one
 * we offered under that tag; their key must decode for that suite; no MKI unless the policy allows it. A stream
 * that breaks a rule is unusable; the answer is refused only when no audio stream is left.
 */
public final class AnswerReader {

    private AnswerReader() {
    }

    /**
     * @param previous this leg's keys from the previous negotiation (re-INVITE), or null: an unchanged crypto line
     *                 keeps the contexts
     */
    public static List<MediaStreamKeys> read(SessionDescription answer, PendingOffer pending, SdesPolicy farPolicy,
                                             List<MediaStreamKeys> previous) throws NegotiationRefused {
        int offered = pending.streams().size();
        if (answer.media().size() != offered) {
            throw new NegotiationRefused(Rejection.notAcceptableHere(Rejection.WARN_MISC, "answer has "
                    + answer.media().size() + " media sections, the offer had " + offered + " (RFC 3264 section 6)",
                    "answer-media-count"));
        }
        List<MediaStreamKeys> out = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String firstRule = null;
        boolean audioLeft = false;
        int firstLine = answer.sessionLines().size() + 1;
        for (int i = 0; i < offered; i++) {
            MediaDescription md = answer.media().get(i);
            OfferedStream os = pending.streams().get(i);
            MediaLine m = md.mediaLine();
            if (!os.carried() || m.port() == 0) {
                out.add(MediaStreamKeys.rejected(i));
            } else {
                String[] problem = new String[2];
                MediaStreamKeys k = readStream(md, os, farPolicy, previous, firstLine, answer, problem);
                if (k == null) {
                    reasons.add(offered > 1 ? "stream " + (i + 1) + ": " + problem[0] : problem[0]);
                    firstRule = firstRule == null ? problem[1] : firstRule;
                    out.add(MediaStreamKeys.rejected(i));
                } else {
                    audioLeft |= m.isAudio();
                    out.add(k);
                }
            }
            firstLine += md.lines().size();
        }
        if (!audioLeft) {
            throw new NegotiationRefused(Rejection.notAcceptableHere(Rejection.WARN_MEDIA_FORMAT,
                    reasons.isEmpty() ? "the answer accepted no audio stream" : String.join("; ", reasons),
                    firstRule == null ? "answer-no-audio" : firstRule));
        }
        return out;
    }

    private static MediaStreamKeys readStream(MediaDescription md, OfferedStream os, SdesPolicy policy,
                                              List<MediaStreamKeys> previous, int firstLine, SessionDescription answer,
                                              String[] problem) {
        int i = os.index();
        var direction = OfferEvaluator.effectiveDirection(answer, i);
        int te = SdpRewrites.telephoneEventPt(md);
        boolean mux = policy.rtcpMux() && !md.attributes("rtcp-mux").isEmpty();
        List<SdpLine> crypto = new ArrayList<>();
        int cryptoLine = 0;
        for (int j = 0; j < md.lines().size(); j++) {
            if (md.lines().get(j).isAttribute(CryptoAttribute.NAME)) {
                crypto.add(md.lines().get(j));
                cryptoLine = firstLine + j;
            }
        }
        boolean weOfferedSrtp = !os.keysByTag().isEmpty();
        if (!weOfferedSrtp) {
            if (!crypto.isEmpty()) {
                return fail(problem, "answer carries a=crypto but SRTP is off for profile " + policy.profileName(),
                        "answer-unexpected-crypto");
            }
            return new MediaStreamKeys(i, true, null, null, null, 0, false, direction, te, mux);
        }
        if (crypto.isEmpty()) {
            if (policy.srtp() == SrtpMode.REQUIRED || md.mediaLine().isSecureRtp()) {
                return fail(problem, "answer has no a=crypto line but SRTP is " + policy.srtp().name().toLowerCase()
                        + " for profile " + policy.profileName(), "answer-no-crypto");
            }
            return new MediaStreamKeys(i, true, null, null, null, 0, false, direction, te, mux);
        }
        if (crypto.size() > 1) {
            return fail(problem, "answer carries " + crypto.size() + " a=crypto lines (exactly one expected, RFC 4568 section 7.1.2)",
                    "answer-multiple-crypto");
        }
        CryptoAttribute c;
        try {
            c = CryptoAttribute.parse(crypto.get(0).asAttribute().value(), cryptoLine);
        } catch (SdpParseException e) {
            return fail(problem, e.getMessage(), "answer-crypto-syntax");
        }
        SrtpSuite offeredSuite = os.suiteOfTag(c.tag());
        if (offeredSuite == null) {
            return fail(problem, "answer names crypto tag " + c.tag() + ", which was not offered (tags 1-"
                    + os.keysByTag().size() + ")", "answer-unknown-tag");
        }
        if (c.suite().orElse(null) != offeredSuite) {
            return fail(problem, "answer names suite " + c.suiteName() + " under tag " + c.tag() + ", which was offered as "
                    + offeredSuite.sdpName(), "answer-suite-mismatch");
        }
        String why = CryptoSelector.problem(c, policy);
        if (why != null) {
            return fail(problem, "answer crypto tag " + c.tag() + ": " + why, "answer-crypto-not-accepted");
        }
        KeyParam kp = c.keyParams().get(0);
        MasterKey theirs;
        try {
            theirs = kp.masterKey(offeredSuite, policy.exactKeyLength());
        } catch (SdpParseException e) {
            return fail(problem, "answer crypto tag " + c.tag() + ": expected " + e.expected() + ", found " + e.found(),
                    "answer-crypto-key");
        }
        MediaStreamKeys prev = previous == null || i >= previous.size() ? null : previous.get(i);
        boolean unchanged = prev != null && prev.secure() && prev.suite() == offeredSuite && theirs.equals(prev.theirs())
                && os.keysByTag().get(c.tag()).equals(prev.ours());
        return new MediaStreamKeys(i, true, offeredSuite, os.keysByTag().get(c.tag()), theirs, c.tag(), !unchanged,
                direction, te, mux);
    }

    private static MediaStreamKeys fail(String[] problem, String reason, String rule) {
        problem[0] = reason;
        problem[1] = rule;
        return null;
    }
}
