package com.securetrunk.testpbx.sip;

import com.securetrunk.testpbx.media.AudioCodec;
import com.securetrunk.testpbx.media.SrtpSuite;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SDP offer/answer decisions (RFC 3264) for one audio stream, with SDES-SRTP (RFC 4568). Pure.
 * Answerer rules, in order (each refusal is a 488 with a Warning saying why):
 * TLS required but the INVITE came otherwise; no audio stream; RTP/SAVP when SRTP is not accepted;
 * RTP/AVP when plain RTP is not accepted; RTP/SAVP without any usable crypto line (unsupported suites,
 * MKI, bad key) - lines are considered in the offerer's order and the first usable one wins; no common
 * G.711 codec.
 */
final class MediaNegotiation {
    private MediaNegotiation() {
    }

    /** What the answerer will do. */
    record AnswerPlan(InetSocketAddress remoteMedia, AudioCodec sendCodec, List<Integer> answerPts, int dtmfPt,
                      SrtpSuite suite, int cryptoTag, byte[] remoteKey) {
        boolean secure() {
            return suite != null;
        }
    }

    /** What the offerer learned from the answer. */
    record AnswerResult(InetSocketAddress remoteMedia, AudioCodec sendCodec, int dtmfPt, SrtpSuite suite,
                        int cryptoTag, byte[] localKey, byte[] remoteKey) {
    }

    static Object answer(UaConfig cfg, Transport transport, Sdp offer) {
        String label = cfg.securityLabel.isEmpty() ? "" : cfg.securityLabel + ": ";
        if (cfg.requireTls && transport != Transport.TLS) {
            return Rejection.notAcceptableHere(label + "SIP must be sent over TLS, this INVITE came over " + transport);
        }
        Sdp.Media audio = offer.firstAudio();
        if (audio == null) {
            return Rejection.notAcceptableHere("no audio stream (m=audio with a non-zero port) in the offer");
        }
        String proto = audio.proto();
        boolean savp = audio.isSecure();
        if (savp && cfg.acceptedSrtpSuites.isEmpty()) {
            return Rejection.notAcceptableHere(label + "SRTP is not accepted (offer uses " + proto + "), use RTP/AVP");
        }
        if (!savp && !cfg.acceptPlainRtp) {
            return Rejection.notAcceptableHere(label + "SRTP is required, the offer uses " + proto);
        }
        if (!proto.equals("RTP/AVP") && !proto.equals("RTP/SAVP")) {
            return Rejection.notAcceptableHere("unsupported media protocol " + proto + " (expected RTP/AVP or RTP/SAVP)");
        }
        SrtpSuite suite = null;
        int tag = -1;
        byte[] key = null;
        if (savp) {
            List<String> lines = audio.attributes("crypto");
            if (lines.isEmpty()) {
                return Rejection.notAcceptableHere(label + "RTP/SAVP offer without any a=crypto line");
            }
            List<String> problems = new ArrayList<>();
            for (String value : lines) {
                CryptoLine line;
                try {
                    line = CryptoLine.parse(value);
                } catch (SipParseException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                SrtpSuite s = SrtpSuite.forName(line.suite()).orElse(null);
                if (s == null || !cfg.acceptedSrtpSuites.contains(s)) {
                    problems.add("suite " + line.suite() + " (tag " + line.tag() + ") not supported");
                    continue;
                }
                if (line.hasMki()) {
                    problems.add("tag " + line.tag() + ": MKI is not supported");
                    continue;
                }
                if (line.keyCount() != 1) {
                    problems.add("tag " + line.tag() + ": more than one key");
                    continue;
                }
                byte[] k = line.firstKey();
                if (k == null || k.length != SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
                    problems.add("tag " + line.tag() + ": key is not 30 bytes of inline base64");
                    continue;
                }
                if (!line.sessionParams().isEmpty()) {
                    problems.add("tag " + line.tag() + ": session parameters not supported: " + line.sessionParams());
                    continue;
                }
                suite = s;
                tag = line.tag();
                key = k;
                break;
            }
            if (suite == null) {
                return Rejection.notAcceptableHere(label + "no acceptable crypto line: " + String.join("; ", problems)
                        + " (accepted: " + cfg.acceptedSrtpSuites + ", no MKI)");
            }
        }
        List<Integer> pts = new ArrayList<>();
        AudioCodec send = null;
        for (String f : audio.formats()) {
            AudioCodec c = codecOf(audio, f);
            if (c != null && cfg.codecs.contains(c)) {
                pts.add(c.payloadType());
                if (send == null) {
                    send = c;
                }
            }
        }
        if (send == null) {
            return Rejection.notAcceptableHere("no common codec: offer has " + audio.formats() + ", this side supports "
                    + cfg.codecs);
        }
        InetSocketAddress remote = mediaAddress(offer, audio);
        if (remote == null) {
            return Rejection.notAcceptableHere("no usable connection address (c=) for the audio stream");
        }
        return new AnswerPlan(remote, send, pts, audio.telephoneEventPayloadType(), suite, tag, key);
    }

    static AudioCodec codecOf(Sdp.Media m, String pt) {
        String enc = m.encodingOf(pt);
        if (enc == null) {
            return null;
        }
        String name = enc.split("/")[0];
        AudioCodec c = AudioCodec.forEncodingName(name).orElse(null);
        return c != null && enc.endsWith("/8000") ? c : null;
    }

    static InetSocketAddress mediaAddress(Sdp sdp, Sdp.Media m) {
        String addr = sdp.addressOf(m);
        if (addr == null) {
            return null;
        }
        return new InetSocketAddress(addr, m.port());
    }

    /**
     * Checks the answer to our offer.
     *
     * @param offeredKeys tag -> (suite, our key) for every crypto line we offered; empty for RTP/AVP
     * @return an {@link AnswerResult} or a String describing why the answer is unusable
     */
    static Object processAnswer(List<AudioCodec> offeredCodecs, Map<Integer, Map.Entry<SrtpSuite, byte[]>> offeredKeys,
                                Sdp answer) {
        Sdp.Media audio = answer.firstAudio();
        if (audio == null) {
            return "answer has no audio stream with a non-zero port";
        }
        AudioCodec send = null;
        for (String f : audio.formats()) {
            AudioCodec c = codecOf(audio, f);
            if (c != null && offeredCodecs.contains(c)) {
                send = c;
                break;
            }
        }
        if (send == null) {
            return "answer selects no G.711 codec this side offered: " + audio.formats();
        }
        SrtpSuite suite = null;
        int tag = 0;
        byte[] localKey = null;
        byte[] remoteKey = null;
        if (!offeredKeys.isEmpty()) {
            if (!audio.isSecure()) {
                return "offered RTP/SAVP but the answer uses " + audio.proto();
            }
            List<String> lines = audio.attributes("crypto");
            if (lines.size() != 1) {
                return "answer must carry exactly one a=crypto line, found " + lines.size();
            }
            CryptoLine line;
            try {
                line = CryptoLine.parse(lines.get(0));
            } catch (SipParseException e) {
                return e.getMessage();
            }
            Map.Entry<SrtpSuite, byte[]> mine = offeredKeys.get(line.tag());
            if (mine == null || !mine.getKey().name().equals(line.suite())) {
                return "answer's crypto tag " + line.tag() + " " + line.suite() + " matches no offered line";
            }
            if (line.hasMki()) {
                return "answer's key carries an MKI";
            }
            remoteKey = line.firstKey();
            if (remoteKey == null || remoteKey.length != 30) {
                return "answer's key is not 30 bytes of inline base64";
            }
            suite = mine.getKey();
            tag = line.tag();
            localKey = mine.getValue();
        } else if (audio.isSecure()) {
            return "offered RTP/AVP but the answer uses " + audio.proto();
        }
        InetSocketAddress remote = mediaAddress(answer, audio);
        if (remote == null) {
            return "answer has no connection address";
        }
        return new AnswerResult(remote, send, audio.telephoneEventPayloadType(), suite, tag, localKey, remoteKey);
    }
}
