package com.securetrunk.gateway.media.ng;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.netty.NettyMediaRelay;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bencoded control messages to our relay and to a real rtpengine, replies compared field by field
 * where the protocol defines them: result and error texts, the rewritten SDP's m= line (media, protocol,
 * formats), c=/o=, a=rtcp, the attributes passed through, the SDES suites and key sizes, and the query's
 * tags, media protocols, local ports and peer endpoints. Ports and keys differ by nature and are compared
 * against each implementation's own SDP instead.
 */
class NgRtpengineComparisonTest {
    @TempDir
    static Path dir;
    static RealRtpengine rtpengine;
    static NettyMediaRelay relay;
    static NgServer ours;
    static NgClient toOurs;
    static NgClient toRtpengine;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RealRtpengine.wanted(), "-Dmedia.rtpengine=off: comparison with rtpengine left out on purpose");
        rtpengine = RealRtpengine.start(dir, 26000, 26999);
        System.out.println("comparing against " + rtpengine.version());
        relay = new NettyMediaRelay(RelayConfig.loopback(25200, 25399).withQuarantine(Duration.ZERO).withEventLoops(1), null);
        ours = new NgServer(relay, "127.0.0.1", new InetSocketAddress("127.0.0.1", 0));
        toOurs = new NgClient(ours.localAddress());
        toRtpengine = new NgClient(rtpengine.ng);
    }

    @AfterAll
    static void stop() throws Exception {
        if (toOurs != null) {
            toOurs.close();
            toRtpengine.close();
            ours.close();
            relay.close();
        }
        if (rtpengine != null) {
            rtpengine.close();
        }
    }

    /** The same request to both; returns {ours, theirs}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] both(Map<String, Object> request) throws Exception {
        Map<String, Object> o = toOurs.call(request);
        Map<String, Object> t = toRtpengine.call(request);
        assertThat(o.get("result")).as("result of %s (rtpengine said %s)", request.get("command"), t).isEqualTo(t.get("result"));
        return new Map[] {o, t};
    }

    private static void sameSdpShape(SdpView o, SdpView t, boolean crypto) {
        assertThat(o.origin()).as("o=").isEqualTo(t.origin());
        assertThat(o.sessionConnection()).as("session c=").isEqualTo(t.sessionConnection());
        assertThat(o.media()).hasSameSizeAs(t.media());
        for (int i = 0; i < o.media().size(); i++) {
            SdpView.Media om = o.media().get(i);
            SdpView.Media tm = t.media().get(i);
            assertThat(om.type()).isEqualTo(tm.type());
            assertThat(om.proto()).as("m= protocol").isEqualTo(tm.proto());
            assertThat(om.formats()).as("m= formats").isEqualTo(tm.formats());
            assertThat(om.connection()).as("media c=").isEqualTo(tm.connection());
            assertThat(om.rtcpPort()).as("our a=rtcp").isEqualTo(om.port() + 1);
            assertThat(tm.rtcpPort()).as("rtpengine's a=rtcp").isEqualTo(tm.port() + 1);
            assertThat(om.port() % 2).isZero();
            assertThat(new HashSet<>(om.plainAttributes())).as("attributes passed through")
                    .isEqualTo(new HashSet<>(tm.plainAttributes()));
            if (crypto) {
                assertThat(om.suites()).as("SDES suites we offer, each with the suite's key size, are offered by rtpengine too")
                        .isNotEmpty();
                assertThat(tm.suites()).containsAllEntriesOf(om.suites());
            } else {
                assertThat(om.cryptosByTag()).isEmpty();
                assertThat(tm.cryptosByTag()).isEmpty();
            }
        }
    }

    @Test
    void pingPong() throws Exception {
        Map<String, Object>[] r = both(Map.of("command", "ping"));
        assertThat(r[0]).isEqualTo(r[1]);
    }

    @Test
    void theBenchBridgeOfferAnswerQueryDelete() throws Exception {
        String pbx = NgMessages.pbxSdp(16000, "a=sendrecv\r\n");
        Map<String, Object>[] offer = both(NgMessages.offer("cmp-1", "a1", pbx, Map.of()));
        SdpView oOffer = SdpView.parse(offer[0].get("sdp"));
        SdpView tOffer = SdpView.parse(offer[1].get("sdp"));
        sameSdpShape(oOffer, tOffer, true);
        assertThat(oOffer.media().get(0).proto()).isEqualTo("RTP/SAVP");

        String[] oc = oOffer.media().get(0).crypto("AES_CM_128_HMAC_SHA1_80");
        String[] tc = tOffer.media().get(0).crypto("AES_CM_128_HMAC_SHA1_80");
        String key = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNk";
        Map<String, Object> oAns = toOurs.call(NgMessages.answer("cmp-1", "a1", "b1",
                NgMessages.secureSdp(18000, oc[0], "AES_CM_128_HMAC_SHA1_80", key)));
        Map<String, Object> tAns = toRtpengine.call(NgMessages.answer("cmp-1", "a1", "b1",
                NgMessages.secureSdp(18000, tc[0], "AES_CM_128_HMAC_SHA1_80", key)));
        assertThat(oAns.get("result")).isEqualTo(tAns.get("result")).isEqualTo("ok");
        SdpView oA = SdpView.parse(oAns.get("sdp"));
        SdpView tA = SdpView.parse(tAns.get("sdp"));
        sameSdpShape(oA, tA, false);
        assertThat(oA.media().get(0).proto()).isEqualTo("RTP/AVP");

        Map<String, Object>[] q = both(NgMessages.command("query", "cmp-1", null));
        for (int k = 0; k < 2; k++) {
            Map<?, ?> tags = (Map<?, ?>) q[k].get("tags");
            assertThat(new HashSet<Object>(tags.keySet())).containsExactlyInAnyOrder("a1", "b1");
            int offerPort = (k == 0 ? oOffer : tOffer).media().get(0).port();
            int answerPort = (k == 0 ? oA : tA).media().get(0).port();
            assertThat(NgRelayTest.stream(tags, "b1").get("local port")).as("B side's local port = port offered to B").isEqualTo((long) offerPort);
            assertThat(NgRelayTest.stream(tags, "a1").get("local port")).as("A side's local port = port answered to A").isEqualTo((long) answerPort);
        }
        Map<?, ?> oTags = (Map<?, ?>) q[0].get("tags");
        Map<?, ?> tTags = (Map<?, ?>) q[1].get("tags");
        for (String tag : List.of("a1", "b1")) {
            Map<?, ?> om = (Map<?, ?>) ((List<?>) ((Map<?, ?>) oTags.get(tag)).get("medias")).get(0);
            Map<?, ?> tm = (Map<?, ?>) ((List<?>) ((Map<?, ?>) tTags.get(tag)).get("medias")).get(0);
            assertThat(om.get("protocol")).as("protocol of %s", tag).isEqualTo(tm.get("protocol"));
            assertThat(om.get("type")).isEqualTo(tm.get("type"));
            assertThat(om.get("index")).isEqualTo(tm.get("index"));
            Map<?, ?> oe = (Map<?, ?>) NgRelayTest.stream(oTags, tag).get("endpoint");
            Map<?, ?> te = (Map<?, ?>) NgRelayTest.stream(tTags, tag).get("endpoint");
            assertThat(oe.get("address")).isEqualTo(te.get("address"));
            assertThat(oe.get("port")).as("endpoint port of %s", tag).isEqualTo(te.get("port"));
            assertThat(oe.get("family")).isEqualTo(te.get("family"));
        }
        assertThat(NgRelayTest.stream(oTags, "b1").get("crypto suite")).isEqualTo("AES_CM_128_HMAC_SHA1_80");

        both(NgMessages.command("delete", "cmp-1", "a1"));
        Map<String, Object>[] gone = both(NgMessages.command("query", "cmp-1", null));
        assertThat(gone[0].get("error-reason")).isEqualTo(gone[1].get("error-reason")).isEqualTo("Unknown call-id");
    }

    @Test
    void iceRemovedDtlsOffAndDirectionPassedThrough() throws Exception {
        String ice = "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=candidate:1 1 udp 2130706431 127.0.0.1 16000 typ host\r\na=sendonly\r\n";
        Map<String, Object>[] r = both(NgMessages.offer("cmp-2", "a1", NgMessages.pbxSdp(16002, ice), Map.of()));
        sameSdpShape(SdpView.parse(r[0].get("sdp")), SdpView.parse(r[1].get("sdp")), true);
        both(NgMessages.command("delete", "cmp-2", "a1"));
    }

    @Test
    void sdesNoFlagRemovesTheSuiteOnBothSides() throws Exception {
        Map<String, Object>[] r = both(NgMessages.offer("cmp-3", "a1", NgMessages.pbxSdp(16004, ""),
                Map.of("flags", List.of("SDES-no-AES_CM_128_HMAC_SHA1_80"))));
        SdpView o = SdpView.parse(r[0].get("sdp"));
        SdpView t = SdpView.parse(r[1].get("sdp"));
        sameSdpShape(o, t, true);
        assertThat(o.media().get(0).suites()).doesNotContainKey("AES_CM_128_HMAC_SHA1_80");
        assertThat(t.media().get(0).suites()).doesNotContainKey("AES_CM_128_HMAC_SHA1_80");
        both(NgMessages.command("delete", "cmp-3", "a1"));
    }

    @Test
    void holdReOfferAndAnswerKeepPortsAndPassTheDirection() throws Exception {
        Map<String, Object>[] first = both(NgMessages.offer("cmp-4", "a1", NgMessages.pbxSdp(16006, "a=sendrecv\r\n"), Map.of()));
        SdpView[] offers = {SdpView.parse(first[0].get("sdp")), SdpView.parse(first[1].get("sdp"))};
        NgClient[] clients = {toOurs, toRtpengine};
        for (int k = 0; k < 2; k++) {
            String[] c = offers[k].media().get(0).crypto("AES_CM_128_HMAC_SHA1_80");
            assertThat(clients[k].call(NgMessages.answer("cmp-4", "a1", "b1", NgMessages.secureSdp(18006, c[0],
                    "AES_CM_128_HMAC_SHA1_80", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNk"))).get("result")).isEqualTo("ok");
        }
        Map<String, Object>[] hold = both(NgMessages.offer("cmp-4", "a1", NgMessages.pbxSdp(16006, "a=sendonly\r\n"), Map.of()));
        SdpView oHold = SdpView.parse(hold[0].get("sdp"));
        SdpView tHold = SdpView.parse(hold[1].get("sdp"));
        sameSdpShape(oHold, tHold, true);
        assertThat(oHold.media().get(0).port()).as("same port after re-offer").isEqualTo(offers[0].media().get(0).port());
        assertThat(tHold.media().get(0).port()).isEqualTo(offers[1].media().get(0).port());
        assertThat(oHold.media().get(0).plainAttributes()).contains("sendonly");
        both(NgMessages.command("delete", "cmp-4", "a1"));
    }

    @Test
    void errorsReadTheSame() throws Exception {
        Map<String, Object>[] r = both(Map.of("command", "bogus"));
        assertThat((String) r[0].get("error-reason")).startsWith((String) r[1].get("error-reason"));
        r = both(NgMessages.command("offer", "q", "x"));
        assertThat(r[0].get("error-reason")).isEqualTo(r[1].get("error-reason"));
        r = both(NgMessages.offer("q", "x", "garbage", Map.of()));
        assertThat((String) r[0].get("error-reason")).startsWith((String) r[1].get("error-reason"));
        r = both(NgMessages.answer("nope", "x", "y", NgMessages.pbxSdp(1, "")));
        assertThat(r[0].get("error-reason")).isEqualTo(r[1].get("error-reason"));
        r = both(NgMessages.command("delete", "nope", "x"));
        assertThat(r[0]).isEqualTo(r[1]);
        byte[] broken = "d7:command4:pin".getBytes(StandardCharsets.ISO_8859_1);
        String o = (String) ((Map<?, ?>) Bencode.decode(toOurs.raw(broken))).get("error-reason");
        String t = (String) ((Map<?, ?>) Bencode.decode(toRtpengine.raw(broken))).get("error-reason");
        assertThat(o).startsWith(t);
    }
}
