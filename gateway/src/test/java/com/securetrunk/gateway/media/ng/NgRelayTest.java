package com.securetrunk.gateway.media.ng;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.media.RelayConfig;
import com.securetrunk.gateway.media.netty.NettyMediaRelay;
import com.securetrunk.gateway.media.netty.Rtp;
import com.securetrunk.gateway.media.netty.UdpPeer;
import com.securetrunk.gateway.srtp.Jitsi;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our relay driven over the ng protocol exactly like the load harness drives it, with real media afterwards. */
class NgRelayTest {
    private NettyMediaRelay relay;
    private NgServer ng;
    private NgClient client;

    @BeforeEach
    void start() throws Exception {
        relay = new NettyMediaRelay(RelayConfig.loopback(25000, 25199).withQuarantine(Duration.ZERO).withEventLoops(1), null);
        ng = new NgServer(relay, "127.0.0.1", new InetSocketAddress("127.0.0.1", 0));
        client = new NgClient(ng.localAddress());
    }

    @AfterEach
    void stop() {
        client.close();
        ng.close();
        relay.close();
    }

    @Test
    void pingAnswersPong() throws Exception {
        assertThat(client.call(Map.of("command", "ping"))).isEqualTo(Map.of("result", "pong"));
    }

    @Test
    void offerAnswerBridgesPlainRtpToSdesSrtpAndMediaFlowsBothWays() throws Exception {
        try (UdpPeer pbx = new UdpPeer(); UdpPeer secure = new UdpPeer()) {
            Map<String, Object> r = client.call(NgMessages.offer("c1", "a1",
                    NgMessages.pbxSdp(pbx.address().getPort(), "a=sendrecv\r\n"), Map.of()));
            assertThat(r.get("result")).isEqualTo("ok");
            SdpView toB = SdpView.parse(r.get("sdp"));
            SdpView.Media mb = toB.media().get(0);
            assertThat(mb.proto()).isEqualTo("RTP/SAVP");
            assertThat(mb.formats()).isEqualTo("0 101");
            assertThat(mb.rtcpPort()).isEqualTo(mb.port() + 1);
            assertThat(mb.suites()).containsEntry("AES_CM_128_HMAC_SHA1_80", 30).containsEntry("AES_CM_128_HMAC_SHA1_32", 30)
                    .containsEntry("AES_256_CM_HMAC_SHA1_80", 46);
            String[] offered = mb.crypto("AES_CM_128_HMAC_SHA1_80");
            MasterKey relayKey = MasterKey.fromInline(SrtpSuite.AES_CM_128_HMAC_SHA1_80, offered[1]);
            byte[] kb = new byte[30];
            new java.util.Random(3).nextBytes(kb);
            MasterKey secureKey = MasterKey.fromKeyMaterial(SrtpSuite.AES_CM_128_HMAC_SHA1_80, kb);

            Map<String, Object> a = client.call(NgMessages.answer("c1", "a1", "b1", NgMessages.secureSdp(
                    secure.address().getPort(), offered[0], "AES_CM_128_HMAC_SHA1_80", Base64.getEncoder().encodeToString(kb))));
            assertThat(a.get("result")).isEqualTo("ok");
            SdpView.Media ma = SdpView.parse(a.get("sdp")).media().get(0);
            assertThat(ma.proto()).isEqualTo("RTP/AVP");
            assertThat(ma.cryptosByTag()).isEmpty();

            Jitsi decoder = Jitsi.receiver(relayKey);
            Jitsi encoder = Jitsi.sender(secureKey);
            for (int seq = 0; seq < 10; seq++) {
                byte[] plain = Rtp.pcmuPacket(seq, 0x20000000);
                pbx.send(plain, ma.port());
                assertThat(decoder.unprotectRtp(secure.receive(2000))).isEqualTo(plain);
                byte[] back = Rtp.pcmuPacket(seq, 0x30000000);
                secure.send(encoder.protectRtp(back), mb.port());
                assertThat(pbx.receive(2000)).isEqualTo(back);
            }

            Map<String, Object> q = client.call(NgMessages.command("query", "c1", null));
            assertThat(q.get("result")).isEqualTo("ok");
            Map<?, ?> tags = (Map<?, ?>) q.get("tags");
            assertThat(new java.util.HashSet<Object>(tags.keySet())).containsExactlyInAnyOrder("a1", "b1");
            Map<?, ?> streamB = stream(tags, "b1");
            assertThat(streamB.get("local port")).isEqualTo((long) mb.port());
            assertThat(((Map<?, ?>) streamB.get("endpoint")).get("port")).isEqualTo((long) secure.address().getPort());
            assertThat(((Map<?, ?>) streamB.get("stats")).get("packets")).isEqualTo(10L);
            assertThat(streamB.get("crypto suite")).isEqualTo("AES_CM_128_HMAC_SHA1_80");

            int before = relay.pool().available();
            assertThat(client.call(NgMessages.command("delete", "c1", "a1")).get("result")).isEqualTo("ok");
            assertThat(relay.pool().available()).isEqualTo(before + 2);
            assertThat(client.call(NgMessages.command("query", "c1", null)))
                    .containsEntry("result", "error").containsEntry("error-reason", "Unknown call-id");
        }
    }

    static Map<?, ?> stream(Map<?, ?> tags, String tag) {
        Map<?, ?> media = (Map<?, ?>) ((List<?>) ((Map<?, ?>) tags.get(tag)).get("medias")).get(0);
        return (Map<?, ?>) ((List<?>) media.get("streams")).get(0);
    }

    @Test
    void sdesFlagsNarrowTheOfferedSuites() throws Exception {
        Map<String, Object> r = client.call(NgMessages.offer("c2", "a1", NgMessages.pbxSdp(16000, ""),
                Map.of("flags", List.of("SDES-no-AES_CM_128_HMAC_SHA1_80"))));
        assertThat(SdpView.parse(r.get("sdp")).media().get(0).suites()).doesNotContainKey("AES_CM_128_HMAC_SHA1_80")
                .containsKey("AES_CM_128_HMAC_SHA1_32");
        r = client.call(NgMessages.offer("c3", "a1", NgMessages.pbxSdp(16000, ""),
                Map.of("SDES", List.of("only-AES_CM_128_HMAC_SHA1_32"))));
        assertThat(SdpView.parse(r.get("sdp")).media().get(0).suites()).containsOnlyKeys("AES_CM_128_HMAC_SHA1_32");
    }

    @Test
    void iceAndDtlsAttributesAreRemovedAndTheDirectionKept() throws Exception {
        String ice = "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=candidate:1 1 udp 2130706431 127.0.0.1 16000 typ host\r\na=fingerprint:sha-256 AB:CD\r\na=setup:actpass\r\n"
                + "a=sendonly\r\n";
        Map<String, Object> r = client.call(NgMessages.offer("c4", "a1", NgMessages.pbxSdp(16000, ice), Map.of()));
        SdpView.Media m = SdpView.parse(r.get("sdp")).media().get(0);
        assertThat(m.plainAttributes()).containsExactly("rtpmap:0 PCMU/8000", "rtpmap:101 telephone-event/8000",
                "fmtp:101 0-16", "sendonly", "ptime:20");
    }

    @Test
    void badRequestsGetRtpengineStyleErrorsAndTheServerKeepsWorking() throws Exception {
        assertThat(decode(client.raw("d7:command4:pin".getBytes(StandardCharsets.ISO_8859_1))))
                .containsEntry("result", "error")
                .hasEntrySatisfying("error-reason", v -> assertThat((String) v).startsWith("Could not decode bencode dictionary"));
        assertThat(client.call(Map.of("command", "bogus"))).containsEntry("result", "error")
                .hasEntrySatisfying("error-reason", v -> assertThat((String) v).startsWith("Unrecognized command"));
        assertThat(client.call(NgMessages.command("offer", "q", "x"))).containsEntry("error-reason", "No SDP body in message");
        Map<String, Object> garbage = NgMessages.offer("q", "x", "garbage", Map.of());
        assertThat(client.call(garbage)).hasEntrySatisfying("error-reason",
                v -> assertThat((String) v).startsWith("Failed to parse SDP"));
        assertThat(client.call(NgMessages.answer("nope", "x", "y", NgMessages.pbxSdp(1, ""))))
                .containsEntry("error-reason", "Unknown call-id");
        assertThat(client.call(NgMessages.command("delete", "nope", "x"))).containsEntry("result", "ok")
                .containsEntry("warning", "Call-ID not found or tags didn't match");
        assertThat(relay.sessionCount()).isZero();
        assertThat(client.call(Map.of("command", "ping"))).containsEntry("result", "pong");
    }

    @Test
    void linesTheAdapterDoesNotOwnPassThroughInOrderAndConnectionWorksAtEitherLevel() throws Exception {
        String offer = "v=0\r\no=pbx 7 8 IN IP4 127.0.0.1\r\ns=call \t\r\ni=info\r\nb=AS:64\r\nt=0 0\r\n"
                + "y=unknown line type\r\na=group:BUNDLE 0\r\na=recvonly\r\n"
                + "m=audio 16010/2 RTP/AVP 0 101\r\nc=IN IP4 127.0.0.2\r\nb=TIAS:64000\r\na=X-unknown:foo  \r\n"
                + "a=rtcp-mux\r\na=rtcp:17011 IN IP4 127.0.0.3\r\na=mid:0\r\na=rtpmap:0 PCMU/8000\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        Map<String, Object> r = client.call(NgMessages.offer("c5", "a1", offer, Map.of()));
        assertThat(r).containsEntry("result", "ok");
        String out = (String) r.get("sdp");
        SdpView view = SdpView.parse(out);
        int port = view.media().get(0).port();
        String key80 = view.media().get(0).crypto("AES_CM_128_HMAC_SHA1_80")[1];
        assertThat(out).isEqualTo("v=0\r\no=pbx 7 8 IN IP4 127.0.0.1\r\ns=call \t\r\ni=info\r\nb=AS:64\r\nt=0 0\r\n"
                + "y=unknown line type\r\na=group:BUNDLE 0\r\na=recvonly\r\n"
                + "m=audio " + port + " RTP/SAVP 0 101\r\nc=IN IP4 127.0.0.1\r\nb=TIAS:64000\r\na=X-unknown:foo  \r\n"
                + "a=mid:0\r\na=rtpmap:0 PCMU/8000\r\na=recvonly\r\na=rtcp:" + (port + 1) + "\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + key80 + "\r\n"
                + view.media().get(0).attributes().stream().filter(a -> a.startsWith("crypto:2") || a.startsWith("crypto:3")
                        || a.startsWith("crypto:4")).map(a -> "a=" + a + "\r\n").reduce("", String::concat)
                + "m=video 0 RTP/SAVP 96\r\na=rtpmap:96 H264/90000\r\n");

        String answer = "v=0\r\no=sbc 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 18010 RTP/SAVP 0\r\nc=IN IP4 127.0.0.4\r\na=sendonly\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNk\r\n"
                + "m=video 0 RTP/SAVP 96\r\n";
        Map<String, Object> a = client.call(NgMessages.answer("c5", "a1", "b1", answer));
        assertThat(a).containsEntry("result", "ok");
        Map<?, ?> tags = (Map<?, ?>) client.call(NgMessages.command("query", "c5", null)).get("tags");
        assertThat(((Map<?, ?>) stream(tags, "a1").get("endpoint")).get("address")).as("media-level c= of the offer")
                .isEqualTo("127.0.0.2");
        assertThat(((Map<?, ?>) stream(tags, "b1").get("endpoint")).get("address")).isEqualTo("127.0.0.4");
        assertThat(((Map<?, ?>) stream(tags, "b1").get("endpoint")).get("port")).isEqualTo(18010L);
        client.call(NgMessages.command("delete", "c5", "a1"));
    }

    @Test
    void sdpOverTheLimitsOrWithAHostNameIsRefusedNamingTheProblemAndLeavesNothingAllocated() throws Exception {
        StringBuilder streams = new StringBuilder(NgMessages.pbxSdp(16000, ""));
        for (int i = 1; i <= 16; i++) {
            streams.append("m=audio ").append(16000 + 2 * i).append(" RTP/AVP 0\r\n");
        }
        assertThat(client.call(NgMessages.offer("big", "a1", streams.toString(), Map.of())))
                .containsEntry("result", "error").containsEntry("error-reason",
                        "Failed to parse SDP: SDP line 26: expected at most 16 media sections, found \"17 m= lines\"");
        StringBuilder lines = new StringBuilder(NgMessages.pbxSdp(16000, ""));
        while (lines.length() < 4000) {
            lines.append("a=x\r\n");
        }
        assertThat(client.call(NgMessages.offer("4k", "a1", lines.toString(), Map.of())))
                .as("a command longer than Netty's default 2048-byte datagram buffer arrives whole").containsEntry("result", "ok");
        client.call(NgMessages.command("delete", "4k", "a1"));
        while (lines.toString().split("\n").length <= NgCommands.LIMITS.maxLines()) {
            lines.append("a=x\r\n");
        }
        assertThat(client.call(NgMessages.offer("long", "a1", lines.toString(), Map.of())))
                .containsEntry("error-reason", "Failed to parse SDP: SDP line 1025: expected at most 1024 lines, found \"1025 lines\"");
        assertThat(client.call(NgMessages.offer("name", "a1", NgMessages.pbxSdp(16000, "").replace("c=IN IP4 127.0.0.1",
                "c=IN IP4 pbx.example.com"), Map.of()))).containsEntry("error-reason", "Failed to parse SDP: m= line 1: SDP: "
                + "expected c=IN IP4 <IPv4 literal> or c=IN IP6 <IPv6 literal>, found \"IN IP4 pbx.example.com\"");
        assertThat(client.call(NgMessages.offer("rtcp", "a1", NgMessages.pbxSdp(16000, "a=rtcp:99999\r\n"), Map.of())))
                .hasEntrySatisfying("error-reason", v -> assertThat((String) v).startsWith("Failed to parse SDP: m= line 1:")
                        .contains("a=rtcp:99999"));
        assertThat(client.call(NgMessages.offer("mki", "a1", NgMessages.secureSdp(16000, "1", "AES_CM_128_HMAC_SHA1_80",
                "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNk|2^20|1:4"), Map.of()))).hasEntrySatisfying("error-reason",
                        v -> assertThat((String) v).startsWith("offer m= line 1 is RTP/SAVP but has no a=crypto"));
        assertThat(relay.sessionCount()).as("a refused offer allocates nothing").isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(byte[] b) {
        return (Map<String, Object>) Bencode.decode(b);
    }
}
