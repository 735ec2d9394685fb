package com.securetrunk.gateway.media.ng;

import com.securetrunk.gateway.media.LegSpec;
import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.media.MediaException;
import com.securetrunk.gateway.media.MediaRelay;
import com.securetrunk.gateway.media.SessionId;
import com.securetrunk.gateway.media.SessionStats;
import com.securetrunk.gateway.media.SrtpKeys;
import com.securetrunk.gateway.media.StreamPorts;
import com.securetrunk.gateway.media.StreamSpec;
import com.securetrunk.gateway.sdp.MediaDescription;
import com.securetrunk.gateway.sdp.SdpLimits;
import com.securetrunk.gateway.sdp.SdpLine;
import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.KeyParam;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * rtpengine's ng commands ({@code ping}, {@code offer}, {@code answer}, {@code delete}, {@code query}) mapped
 * onto a {@link MediaRelay}: side A is the offerer (from-tag), side B the answerer (to-tag). Supports what
 * an RTP/AVP &lt;-&gt; RTP/SAVP SDES bridge needs: {@code transport-protocol}, {@code ICE=remove},
 * {@code DTLS=off}, {@code SDES} ({@code off}, {@code no-SUITE}, {@code only-SUITE}), {@code replace}
 * ({@code origin}, {@code session-connection}), {@code direction} (interface names; one interface here),
 * flags {@code asymmetric}/{@code symmetric}. Runs on one control thread.
 */
public final class NgCommands {
    /** Suites offered to an SRTP side, in order of preference (tags 1..n), the product's default order. */
    static final List<SrtpSuite> OFFERED = List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32,
            SrtpSuite.AES_256_CM_HMAC_SHA1_80, SrtpSuite.AES_256_CM_HMAC_SHA1_32);

    /** The product's bounds on peer SDP (bytes, lines, line length, m= sections), the same as for SIP bodies. */
    static final SdpLimits LIMITS = SdpLimits.DEFAULT;

    private final MediaRelay relay;
    private final String address;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, NgCall> calls = new ConcurrentHashMap<>();

    public NgCommands(MediaRelay relay, String advertisedAddress) {
        this.relay = relay;
        this.address = advertisedAddress;
    }

    /** Handles one decoded request dictionary; never throws for bad input (the reply says what was wrong). */
    public Map<String, Object> handle(Object request) {
        try {
            if (!(request instanceof Map<?, ?> raw)) {
                return error("request is not a bencoded dictionary");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> req = (Map<String, Object>) raw;
            String command = string(req, "command");
            if (command == null) {
                return error("no 'command' key");
            }
            switch (command) {
                case "ping":
                    return Map.of("result", "pong");
                case "offer":
                    return offer(req);
                case "answer":
                    return answer(req);
                case "delete":
                    return delete(req);
                case "query":
                    return query(req);
                default:
                    return error("Unrecognized command: '" + command + "' (expected: ping, offer, answer, delete, query)");
            }
        } catch (MediaException e) {
            return error(e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    /** The relay reported a silent session: forget the call like rtpengine's own timeout does. */
    public void timedOut(SessionId id) {
        NgCall call = calls.remove(id.value());
        if (call != null) {
            relay.release(call.session);
        }
    }

    public int callCount() {
        return calls.size();
    }

    // ---- offer -------------------------------------------------------------------------------------

    private Map<String, Object> offer(Map<String, Object> req) {
        String callId = required(req, "call-id");
        String fromTag = required(req, "from-tag");
        SessionDescription sdp = sdp(req);
        if (sdp.media().isEmpty()) {
            throw new IllegalArgumentException("Failed to parse SDP: no m= line");
        }
        List<NgStream> streams = streams(sdp);
        Flags f = new Flags(req);
        List<OfferedKey> keysA = new ArrayList<>(); // checked before the call changes: a refused offer leaves no trace
        for (int i = 0; i < streams.size(); i++) {
            keysA.add(isSavp(streams.get(i).line().proto()) ? offeredKey(sdp.media().get(i), streams.get(i), i) : null);
        }
        NgCall call = calls.get(callId);
        boolean fresh = call == null;
        if (fresh) {
            call = new NgCall(callId, fromTag);
        } else if (!call.fromTag.equals(fromTag)) {
            throw new IllegalArgumentException("re-offer for call '" + callId + "' from tag '" + fromTag
                    + "' (expected: from-tag '" + call.fromTag + "'; offers from the answerer's side are not supported)");
        } else if (call.streams.size() != sdp.media().size()) {
            throw new IllegalArgumentException("re-offer has " + sdp.media().size() + " m= line(s), the call has "
                    + call.streams.size() + " (expected: the same streams)");
        }
        if (fresh) {
            call.allocation = relay.allocate(call.session, sdp.media().size());
            calls.put(callId, call);
        }
        call.offer = streams;
        call.lastSignal = System.currentTimeMillis();
        List<NgRewrite.Media> rewrites = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            NgStream m = streams.get(i);
            NgCall.StreamState st = fresh ? new NgCall.StreamState() : call.streams.get(i);
            if (fresh) {
                call.streams.add(st);
            }
            st.protoA = m.line().proto();
            st.protoB = f.transportProtocol != null ? f.transportProtocol : st.protoA;
            // A offered SRTP: our answer key for the suite it chose comes now (kept across re-offers)
            OfferedKey ka = keysA.get(i);
            st.theirsA = ka == null ? null : ka.key();
            if (ka != null) {
                st.tagA = ka.tag();
                if (st.oursA == null || st.oursA.suite() != ka.key().suite()) {
                    st.oursA = newKey(ka.key().suite());
                }
            }
            List<CryptoAttribute> cryptoLines = new ArrayList<>();
            if (isSavp(st.protoB) && m.line().port() != 0) {
                int tag = 1;
                Map<Integer, MasterKey> kept = new LinkedHashMap<>(st.offeredToB);
                st.offeredToB.clear();
                for (SrtpSuite s : f.suites()) {
                    int t = tag++;
                    MasterKey k = kept.get(t);
                    if (k == null || k.suite() != s) {
                        k = newKey(s);
                    }
                    st.offeredToB.put(t, k);
                    cryptoLines.add(CryptoAttribute.of(t, s, KeyParam.inline(k)));
                }
            }
            rewrites.add(new NgRewrite.Media(call.allocation.streams().get(i).b().rtp(), st.protoB, cryptoLines));
        }
        String out = f.rewrite(address).write(sdp, rewrites);
        return ok("sdp", out);
    }

    /** A's key from the first a=crypto with a suite we implement and a plain inline key. */
    private record OfferedKey(int tag, MasterKey key) {
    }

    private static OfferedKey offeredKey(MediaDescription md, NgStream m, int i) {
        String problem = null;
        for (SdpLine l : md.attributes(CryptoAttribute.NAME)) {
            CryptoAttribute c;
            try {
                c = CryptoAttribute.parse(l.asAttribute().value(), 0);
            } catch (SdpParseException e) {
                problem = problem != null ? problem : e.getMessage();
                continue; // like an unknown suite: another line may still do
            }
            if (c.suite().isPresent() && plainInline(c)) {
                return new OfferedKey(c.tag(), key(c, "offer m= line " + (i + 1)));
            }
        }
        throw new IllegalArgumentException("offer m= line " + (i + 1) + " is " + m.line().proto()
                + " but has no a=crypto with a supported suite and a plain inline key (no MKI/lifetime/session"
                + " parameters)" + (problem == null ? "" : "; " + problem));
    }

    // ---- answer ------------------------------------------------------------------------------------

    private Map<String, Object> answer(Map<String, Object> req) {
        String callId = required(req, "call-id");
        String fromTag = required(req, "from-tag");
        String toTag = required(req, "to-tag");
        NgCall call = calls.get(callId);
        if (call == null) {
            throw new IllegalArgumentException("Unknown call-id");
        }
        if (!call.fromTag.equals(fromTag)) {
            throw new IllegalArgumentException("answer from-tag '" + fromTag + "' (expected: '" + call.fromTag + "')");
        }
        SessionDescription sdp = sdp(req);
        if (sdp.media().size() != call.streams.size()) {
            throw new IllegalArgumentException("answer has " + sdp.media().size() + " m= line(s) for an offer of "
                    + call.streams.size());
        }
        List<NgStream> streams = streams(sdp);
        Flags f = new Flags(req);
        // B's keys are all checked before the call changes: a refused answer leaves the offer state as it was
        List<SrtpKeys> keysB = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            keysB.add(answerKeys(sdp.media().get(i), streams.get(i), call.streams.get(i), i));
        }
        call.toTag = toTag;
        call.lastSignal = System.currentTimeMillis();
        List<StreamSpec> specs = new ArrayList<>();
        List<NgRewrite.Media> rewrites = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            NgCall.StreamState st = call.streams.get(i);
            SrtpKeys kb = keysB.get(i);
            st.suiteB = kb == null ? null : kb.ours().suite().sdpName();
            LegSpec legA = leg(call.offer.get(i), st.theirsA == null ? null : new SrtpKeys(st.oursA, st.theirsA), f);
            LegSpec legB = leg(streams.get(i), kb, f);
            st.spec = new StreamSpec(legA, legB);
            specs.add(st.spec);
            List<CryptoAttribute> cryptoA = new ArrayList<>();
            if (st.theirsA != null) {
                cryptoA.add(CryptoAttribute.of(st.tagA, st.oursA.suite(), KeyParam.inline(st.oursA)));
            }
            rewrites.add(new NgRewrite.Media(call.allocation.streams().get(i).a().rtp(), st.protoA, cryptoA));
        }
        relay.update(call.session, specs);
        String out = f.rewrite(address).write(sdp, rewrites);
        return ok("sdp", out);
    }

    /** B's keys for stream {@code i} when its answer is SRTP: the first a=crypto, under a tag and suite we offered. */
    private static SrtpKeys answerKeys(MediaDescription md, NgStream mb, NgCall.StreamState st, int i) {
        String proto = mb.line().proto();
        if (!isSavp(proto) || mb.line().port() == 0) {
            return null;
        }
        List<SdpLine> lines = md.attributes(CryptoAttribute.NAME);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("answer m= line " + (i + 1) + " is " + proto + " without a=crypto");
        }
        CryptoAttribute c;
        try {
            c = CryptoAttribute.parse(lines.get(0).asAttribute().value(), 0);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("answer m= line " + (i + 1) + ": " + e.getMessage(), e);
        }
        MasterKey ours = st.offeredToB.get(c.tag());
        if (ours == null || c.suite().orElse(null) != ours.suite()) {
            throw new IllegalArgumentException("answer a=crypto:" + c.tag() + " " + c.suiteName()
                    + " does not match a tag and suite we offered " + st.offeredToB.keySet());
        }
        if (!plainInline(c)) {
            throw new IllegalArgumentException("answer a=crypto:" + c.tag()
                    + " key is not a plain inline: key (lifetime/MKI/session parameters not supported)");
        }
        return new SrtpKeys(ours, key(c, "answer m= line " + (i + 1)));
    }

    /** One inline key without lifetime or MKI and no session parameters: all the relay's SRTP contexts implement. */
    private static boolean plainInline(CryptoAttribute c) {
        KeyParam k = c.keyParams().get(0);
        return c.keyParams().size() == 1 && k.isInline() && k.lifetime() == null && k.mki() == null
                && c.sessionParams().isEmpty();
    }

    private static MasterKey key(CryptoAttribute c, String where) {
        try {
            return c.keyParams().get(0).masterKey(c.suite().orElseThrow());
        } catch (SdpParseException e) {
            throw new IllegalArgumentException(where + " a=crypto:" + c.tag() + ": expected " + e.expected()
                    + ", found " + e.found(), e);
        }
    }

    private static LegSpec leg(NgStream m, SrtpKeys keys, Flags f) {
        return new LegSpec(m.rtp(), m.rtcp(), false, f.latching, keys, m.direction());
    }

    // ---- delete / query ------------------------------------------------------------------------------

    private Map<String, Object> delete(Map<String, Object> req) {
        String callId = required(req, "call-id");
        NgCall call = calls.get(callId);
        if (call == null) {
            Map<String, Object> out = ok("warning", "Call-ID not found or tags didn't match");
            return out;
        }
        Map<String, Object> out = describe(call);
        calls.remove(callId);
        relay.release(call.session);
        return out;
    }

    private Map<String, Object> query(Map<String, Object> req) {
        String callId = required(req, "call-id");
        NgCall call = calls.get(callId);
        if (call == null) {
            throw new IllegalArgumentException("Unknown call-id");
        }
        return describe(call);
    }

    /** The subset of rtpengine's query/delete reply that maps onto our session: tags, medias, streams, totals. */
    private Map<String, Object> describe(NgCall call) {
        SessionStats stats = relay.stats(call.session);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", "ok");
        out.put("created", call.created / 1000);
        out.put("created_us", (call.created % 1000) * 1000);
        out.put("last signal", call.lastSignal / 1000);
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put(call.fromTag, tag(call, call.fromTag, false, stats));
        if (call.toTag != null) {
            tags.put(call.toTag, tag(call, call.toTag, true, stats));
        }
        out.put("tags", tags);
        LegStats t = stats.total();
        out.put("totals", Map.of("RTP", Map.of("packets", t.packetsIn(), "bytes", t.bytesIn(), "errors", t.dropped())));
        return out;
    }

    private Map<String, Object> tag(NgCall call, String tag, boolean sideB, SessionStats stats) {
        List<Object> medias = new ArrayList<>();
        for (int i = 0; i < call.streams.size(); i++) {
            NgCall.StreamState st = call.streams.get(i);
            StreamPorts ports = call.allocation.streams().get(i);
            LegStats ls = sideB ? stats.streams().get(i).b() : stats.streams().get(i).a();
            LegSpec spec = st.spec == null ? null : (sideB ? st.spec.b() : st.spec.a());
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("local port", sideB ? ports.b().rtp() : ports.a().rtp());
            stream.put("local address", address);
            if (spec != null && spec.remoteRtp() != null) {
                stream.put("endpoint", Map.of("family", spec.remoteRtp().getAddress() instanceof java.net.Inet6Address
                                ? "IPv6" : "IPv4", "address", spec.remoteRtp().getAddress().getHostAddress(),
                        "port", spec.remoteRtp().getPort()));
            }
            if (sideB && st.suiteB != null) {
                stream.put("crypto suite", st.suiteB);
            }
            stream.put("stats", Map.of("packets", ls.packetsIn(), "bytes", ls.bytesIn(), "errors", ls.dropped()));
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("index", i + 1);
            media.put("type", call.offer.get(i).line().media());
            media.put("protocol", sideB ? st.protoB : st.protoA);
            media.put("streams", List.of(stream));
            medias.add(media);
        }
        return Map.of("tag", tag, "medias", medias);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The request's SDP, with rtpengine's error texts (plus what exactly was wrong, limits included). */
    private static SessionDescription sdp(Map<String, Object> req) {
        String text = string(req, "sdp");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("No SDP body in message");
        }
        try {
            return SdpParser.parse(text, LIMITS);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("Failed to parse SDP: " + e.getMessage(), e);
        }
    }

    /** Addresses and directions of every stream, checked before the command changes anything. */
    private static List<NgStream> streams(SessionDescription sdp) {
        try {
            return NgStream.read(sdp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Failed to parse SDP: " + e.getMessage(), e);
        }
    }

    private MasterKey newKey(SrtpSuite s) {
        byte[] material = new byte[s.keyMaterialLength()];
        random.nextBytes(material);
        return MasterKey.fromKeyMaterial(s, material);
    }

    static boolean isSavp(String proto) {
        return proto.equals("RTP/SAVP") || proto.equals("RTP/SAVPF");
    }

    private static Map<String, Object> ok(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", "ok");
        m.put(key, value);
        return m;
    }

    static Map<String, Object> error(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", "error");
        m.put("error-reason", reason);
        return m;
    }

    static String string(Map<String, Object> req, String key) {
        Object v = req.get(key);
        return v instanceof String s ? s : null;
    }

    static String required(Map<String, Object> req, String key) {
        Object v = req.get(key);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("No " + key + (v == null ? " in message" : " string in message (found "
                    + v.getClass().getSimpleName() + ")"));
        }
        return s;
    }

    /** The ng flags this adapter understands; unknown flags are ignored like rtpengine does. */
    private static final class Flags {
        String transportProtocol;
        boolean removeIce;
        boolean removeDtls;
        boolean replaceOrigin;
        boolean latching = true;
        boolean sdesOff;
        final List<SrtpSuite> only = new ArrayList<>();
        final List<SrtpSuite> no = new ArrayList<>();

        Flags(Map<String, Object> req) {
            String tp = string(req, "transport-protocol");
            if (tp != null) {
                if (!tp.equals("RTP/AVP") && !tp.equals("RTP/SAVP") && !tp.equals("RTP/AVPF") && !tp.equals("RTP/SAVPF")) {
                    throw new IllegalArgumentException("transport-protocol '" + tp
                            + "' (expected: RTP/AVP, RTP/SAVP, RTP/AVPF or RTP/SAVPF)");
                }
                transportProtocol = tp;
            }
            String ice = string(req, "ICE");
            if (ice != null && (ice.equals("force") || ice.equals("force-relay") || ice.equals("force_relay"))) {
                throw new IllegalArgumentException("ICE '" + ice + "' is not supported (expected: remove)");
            }
            removeIce = true; // no ICE here: the peer's candidates would bypass the relay, so they never pass through
            String dtls = string(req, "DTLS");
            removeDtls = true; // no DTLS-SRTP: fingerprints never pass through
            if (dtls != null && !dtls.equals("off") && !dtls.equals("no") && !dtls.equals("disable")) {
                throw new IllegalArgumentException("DTLS '" + dtls + "' is not supported (expected: off)");
            }
            for (String r : list(req.get("replace"))) {
                if (r.equals("origin")) {
                    replaceOrigin = true;
                }
            }
            for (String s : list(req.get("SDES"))) {
                sdes(s);
            }
            for (String fl : list(req.get("flags"))) {
                if (fl.equals("asymmetric")) {
                    latching = false;
                } else if (fl.equals("symmetric")) {
                    latching = true;
                } else if (fl.equals("replace-origin")) {
                    replaceOrigin = true;
                } else if (fl.startsWith("SDES-")) {
                    sdes(fl.substring(5));
                }
            }
            Object direction = req.get("direction");
            if (direction != null && (!(direction instanceof List<?> l) || l.size() > 2)) {
                throw new IllegalArgumentException("direction (expected: a list of at most two interface names)");
            }
        }

        private void sdes(String s) {
            if (s.equals("off") || s.equals("no") || s.equals("disable")) {
                sdesOff = true;
            } else if (s.startsWith("no-")) {
                SrtpSuite.fromSdpName(s.substring(3)).ifPresent(no::add);
            } else if (s.startsWith("only-")) {
                SrtpSuite.fromSdpName(s.substring(5)).ifPresent(only::add);
            }
        }

        NgRewrite rewrite(String address) {
            return new NgRewrite(address, replaceOrigin, removeIce, removeDtls);
        }

        List<SrtpSuite> suites() {
            List<SrtpSuite> out = new ArrayList<>();
            if (sdesOff) {
                return out;
            }
            for (SrtpSuite s : OFFERED) {
                if ((only.isEmpty() || only.contains(s)) && !no.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }

        private static List<String> list(Object v) {
            List<String> out = new ArrayList<>();
            if (v instanceof String s) {
                out.add(s);
            } else if (v instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof String s) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }
}
