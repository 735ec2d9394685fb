package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.KeyParam;
import com.securetrunk.gateway.srtp.MasterKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the answer we return to an offerer (RFC 3264 section 6, RFC 4568 section 7.1.2): one m= line per
 * offered one in the same order, rejected streams with port 0, each secure stream with exactly one
 * {@code a=crypto} line carrying the offerer's chosen tag and suite and our own fresh key (never lifetime or MKI,
 * never a second line: pjsua 2.5 fails on it, rtpengine #631).
 *
 * <p>Re-INVITE: pass the previous result of this leg. A stream whose chosen suite and key are unchanged keeps our
 * key too and reports {@code newContexts=false} (the relay keeps its contexts and ROC, as Asterisk does when
 * "SRTP remote key unchanged"); a changed crypto line gets a fresh key of ours and new contexts. Hold
 * ({@code a=sendonly}, {@code a=inactive}, {@code c=0.0.0.0}) is answered with the matching direction.
 */
public final class Answerer {

    /** The answer and, per stream, what the relay needs for this leg. */
    public record Answered(SessionDescription answer, List<MediaStreamKeys> streams) {
    }

    private final SrtpKeyGenerator keys;

    public Answerer(SrtpKeyGenerator keys) {
        this.keys = keys;
    }

    /**
     * Answers {@code offer} assuming the far side accepts every stream it is offered (the offer is its own
     * template): what {@code securetrunk sdp answer} shows.
     */
    public Answered answer(SessionDescription offer, SdesPolicy offererPolicy, Relay relay,
                           List<MediaStreamKeys> previous) throws NegotiationRefused {
        return build(offer, offererPolicy, offer, null, relay, previous);
    }

    /**
     * Answers {@code offer} from the far side's answer to the offer we forwarded: codecs and direction come from
     * {@code farAnswer}, streams it rejected are rejected, telephone-event is numbered back to the offerer's type.
     */
    public Answered answerFrom(SessionDescription offer, SdesPolicy offererPolicy, SessionDescription farAnswer,
                               PendingOffer pending, Relay relay, List<MediaStreamKeys> previous) throws NegotiationRefused {
        return build(offer, offererPolicy, farAnswer, pending, relay, previous);
    }

    private Answered build(SessionDescription offer, SdesPolicy policy, SessionDescription template, PendingOffer pending,
                           Relay relay, List<MediaStreamKeys> previous) throws NegotiationRefused {
        List<StreamDecision> decisions = OfferEvaluator.evaluate(offer, policy);
        boolean fromOffer = template == offer;
        if (template.media().size() != offer.media().size()) {
            throw new IllegalArgumentException("far answer has " + template.media().size() + " media sections, offer has "
                    + offer.media().size() + " (AnswerReader checks this first)");
        }
        SessionDescription session = SdpRewrites.sessionToward(template, relay.address(), policy.stripAttributes());
        if (fromOffer) {
            // a session-level direction would apply to every answered stream; each stream states its own instead
            session = session.withSessionLines(session.sessionLines().stream().filter(l -> !SdpRewrites.isDirection(l)).toList());
        }
        List<MediaDescription> media = new ArrayList<>();
        List<MediaStreamKeys> streams = new ArrayList<>();
        for (StreamDecision d : decisions) {
            int i = d.index();
            MediaDescription offered = offer.media().get(i);
            MediaDescription tmpl = template.media().get(i);
            if (d instanceof StreamDecision.Rejected || tmpl.mediaLine().port() == 0) {
                media.add(SdpRewrites.rejected(offered));
                streams.add(MediaStreamKeys.rejected(i));
                continue;
            }
            StreamDecision.Accepted a = (StreamDecision.Accepted) d;
            String proto = offered.mediaLine().proto();
            MediaDescription out = SdpRewrites.mediaToward(tmpl, relay.address(), relay.rtpPort(i), relay.rtcpPort(i),
                    proto, policy.stripAttributes(), fromOffer);
            if (!fromOffer && pending != null) {
                OfferedStream os = pending.streams().get(i);
                out = SdpRewrites.renumber(out, os.farTePt(), os.nearTePt());
            }
            List<SdpLine> extra = new ArrayList<>();
            if (fromOffer) {
                extra.add(new SdpLine('a', a.direction().answerTo().attributeName()));
            }
            boolean mux = policy.rtcpMux() && !offered.attributes("rtcp-mux").isEmpty();
            if (mux) {
                extra.add(new SdpLine('a', "rtcp-mux"));
            }
            MediaStreamKeys keysOut;
            int te = SdpRewrites.telephoneEventPt(out);
            if (a.secure()) {
                MediaStreamKeys prev = previousStream(previous, i);
                boolean unchanged = prev != null && prev.secure() && prev.suite() == a.suite()
                        && a.theirKey().equals(prev.theirs());
                MasterKey ours = unchanged ? prev.ours() : keys.generate(a.suite());
                extra.add(CryptoAttribute.of(a.chosen().tag(), a.suite(), KeyParam.inline(ours)).toLine());
                keysOut = new MediaStreamKeys(i, true, a.suite(), ours, a.theirKey(), a.chosen().tag(), !unchanged,
                        a.direction(), te, mux);
            } else {
                keysOut = new MediaStreamKeys(i, true, null, null, null, 0, false, a.direction(), te, mux);
            }
            media.add(out.with(extra));
            streams.add(keysOut);
        }
        return new Answered(session.withMedia(media), streams);
    }

    private static MediaStreamKeys previousStream(List<MediaStreamKeys> previous, int i) {
        if (previous == null || i >= previous.size()) {
            return null;
        }
        MediaStreamKeys p = previous.get(i);
        return p.accepted() ? p : null;
    }
}
