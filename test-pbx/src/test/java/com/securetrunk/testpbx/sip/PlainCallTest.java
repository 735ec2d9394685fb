package com.securetrunk.testpbx.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioFault;
import com.securetrunk.testpbx.media.AudioReport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PBX side calls itself (a second instance) over real loopback sockets and checks the audio both ways. */
class PlainCallTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private SipUa caller;
    private SipUa callee;

    @BeforeEach
    void start() throws Exception {
        caller = SipUa.start(UaConfig.pbx().name("caller"));
        callee = SipUa.start(UaConfig.pbx().name("callee").autoAnswer(true, Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void plainCallCarriesTheKnownSignalBothWays(Transport transport) throws Exception {
        CopyOnWriteArrayList<CallState> seen = new CopyOnWriteArrayList<>();
        Call call = caller.call(CallRequest.to(callee.uri("600", transport)).from("555").displayName("AMI test"));
        call.addListener((c, s) -> seen.add(s));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", call).isTrue();
        assertThat(call.transport()).isEqualTo(transport);
        Call incoming = callee.calls().get(0);
        assertThat(incoming.awaitFramesMatched(60, WAIT)).as(incoming.audioReport().summary()).isTrue();
        assertThat(call.awaitFramesMatched(60, WAIT)).as(call.audioReport().summary()).isTrue();
        call.hangup();
        assertThat(call.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        for (int i = 0; i < 50 && seen.size() < 3; i++) {
            Thread.sleep(10); // listeners run just after waiters are released
        }
        assertThat(seen).containsExactly(CallState.RINGING, CallState.ANSWERED, CallState.ENDED);

        AudioReport out = call.audioReport();
        AudioReport in = incoming.audioReport();
        assertThat(out.problems(50)).as(out.summary()).isEmpty();
        assertThat(in.problems(50)).as(in.summary()).isEmpty();
        assertThat(incoming.invite().header("From")).startsWith("\"AMI test\" <sip:555@");
        assertThat(incoming.extension()).isEqualTo("600");
        assertThat(incoming.callerNumber()).isEqualTo("555");
        assertThat(incoming.callerName()).isEqualTo("AMI test");
        assertThat(call.extension()).isEqualTo("600");
        assertThat(call.callerNumber()).isEqualTo("555");
        // what was recorded is the caller's signal, sample for sample
        short[] heard = incoming.recording().samples();
        assertThat(heard.length).isGreaterThanOrEqualTo(50 * 160);
        int start = com.securetrunk.testpbx.media.TestSignal.CALLER.findFrame(
                com.securetrunk.testpbx.media.AudioCodec.PCMU, encode(heard, 0, 8), 0, 8);
        assertThat(start).isGreaterThanOrEqualTo(0);
        for (int i = 0; i < 160 * 10; i++) {
            assertThat(heard[i]).isEqualTo(com.securetrunk.testpbx.media.TestSignal.CALLER.expectedDecoded(
                    com.securetrunk.testpbx.media.AudioCodec.PCMU, (long) start * 160 + i));
        }
        java.nio.file.Path wav = java.nio.file.Files.createTempFile("heard", ".wav");
        incoming.recording().writeWav(wav);
        assertThat(java.nio.file.Files.size(wav)).isEqualTo(44 + 2L * heard.length);
    }

    private static byte[] encode(short[] s, int off, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = com.securetrunk.testpbx.media.AudioCodec.PCMU.encode(s[off + i]);
        }
        return b;
    }

    @Test
    void dtmfDigitsReceivedEqualThoseSent() throws Exception {
        Call call = caller.call(CallRequest.to(callee.uri("600", Transport.UDP)));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        Call incoming = callee.calls().get(0);
        assertThat(incoming.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        call.sendDtmf("1234567890*#ABCD");
        incoming.sendDtmf("#9*");
        assertThat(call.awaitDtmfSent(Duration.ofSeconds(5))).isTrue();
        assertThat(incoming.awaitDtmfSent(Duration.ofSeconds(5))).isTrue();
        Thread.sleep(300);
        call.hangup();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.audioReport().dtmfReceived()).isEqualTo("1234567890*#ABCD");
        assertThat(call.audioReport().dtmfReceived()).isEqualTo("#9*");
        // audio around the digits is still exact
        assertThat(incoming.audioReport().problems(20)).as(incoming.audioReport().summary()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = AudioFault.class, names = {"CORRUPT", "SILENT", "WRONG_SIGNAL", "DROP_HALF"})
    void audioCheckDetectsADamagedOrMissingStream(AudioFault fault) throws Exception {
        Call call = caller.call(CallRequest.to(callee.uri("600", Transport.UDP)).audioFault(fault));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        Thread.sleep(1000);
        Call incoming = callee.calls().get(0);
        call.hangup();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        AudioReport damaged = incoming.audioReport();
        AudioReport clean = call.audioReport();
        assertThat(damaged.isClean(25)).as("fault %s must be detected: %s", fault, damaged.summary()).isFalse();
        assertThat(clean.problems(25)).as(clean.summary()).isEmpty();
        switch (fault) {
            case CORRUPT -> assertThat(damaged.framesCorrupted()).isPositive();
            case SILENT -> assertThat(damaged.packetsReceived()).isZero();
            case WRONG_SIGNAL -> assertThat(damaged.unrecognised()).isPositive();
            case DROP_HALF -> assertThat(damaged.lost()).isPositive();
            default -> { }
        }
    }

    @Test
    void pjsip25StyleOfferToChanSipAnswererUsesPayloadType96ForDtmf() throws Exception {
        Call call = caller.call(CallRequest.to(callee.uri("600", Transport.UDP)).sdpStyle(SdpStyle.PJSIP_2_5));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        assertThat(call.localSdp()).contains("s=pjmedia").contains("RTP/AVP 98 97 99 104 3 0 8 9 96");
        assertThat(call.remoteSdp()).contains("m=audio").contains(" RTP/AVP 0 8 96").contains("s=Asterisk PBX");
        Call incoming = callee.calls().get(0);
        assertThat(incoming.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        incoming.sendDtmf("7");
        assertThat(incoming.awaitDtmfSent(WAIT)).isTrue();
        Thread.sleep(200);
        call.hangup();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(call.audioReport().dtmfReceived()).isEqualTo("7");
        assertThat(call.audioReport().problems(10)).as(call.audioReport().summary()).isEmpty();
    }

    @Test
    void incomingHandlerCanRefuse() throws Exception {
        callee.onIncomingCall(c -> c.reject(486, "Busy Here"));
        Call call = caller.call(CallRequest.to(callee.uri("600", Transport.TCP)));
        assertThat(call.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(call.endReason().orElseThrow().status()).isEqualTo(486);
        assertThat(call.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REJECTED);
    }

    @Test
    void callsBeyondTheLimitGet503() throws Exception {
        SipUa small = SipUa.start(UaConfig.pbx().name("small").maxCalls(1).autoAnswer(true, Duration.ofMillis(10)));
        try {
            Call first = caller.call(CallRequest.to(small.uri("600", Transport.UDP)));
            assertThat(first.awaitState(CallState.ANSWERED, WAIT)).isTrue();
            Call second = caller.call(CallRequest.to(small.uri("601", Transport.UDP)));
            assertThat(second.awaitState(CallState.ENDED, WAIT)).isTrue();
            assertThat(second.endReason().orElseThrow().status()).isEqualTo(503);
            first.hangup();
        } finally {
            small.close();
        }
    }

    @Test
    void unreachableTargetEndsWithTransportError() throws Exception {
        Call call = caller.call(CallRequest.to("sip:600@127.0.0.1:1;transport=tcp"));
        assertThat(call.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(call.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.TRANSPORT_ERROR);
        Call ws = caller.call(CallRequest.to("sip:600@127.0.0.1:5060;transport=ws"));
        assertThat(ws.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(ws.endReason().orElseThrow().text()).contains("unknown SIP transport 'ws'");
        Call bad = caller.call(CallRequest.to("mailto:someone"));
        assertThat(bad.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(bad.endReason().orElseThrow().text()).contains("mailto");
    }

    @Test
    void answersOptions() throws Exception {
        SipMessage resp = caller.options(callee.uri("600", Transport.UDP), Transport.UDP,
                new InetSocketAddress(callee.address(), callee.port(Transport.UDP))).get(5, TimeUnit.SECONDS);
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.header("Allow")).contains("INVITE");
        var seen = callee.received().takeRequest("OPTIONS", Duration.ofSeconds(1)).orElseThrow();
        assertThat(seen.transport()).isEqualTo(Transport.UDP);
        assertThat(seen.from().getPort()).isEqualTo(caller.port(Transport.UDP));
        assertThat(callee.received().takeRequest("OPTIONS", Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void cancelBeforeAnswer() throws Exception {
        SipUa slow = SipUa.start(UaConfig.pbx().name("slow").autoAnswer(false, Duration.ZERO));
        try {
            Call call = caller.call(CallRequest.to(slow.uri("600", Transport.UDP)));
            assertThat(call.awaitState(CallState.RINGING, WAIT)).isTrue();
            call.hangup();
            Call incoming = slow.calls().get(0);
            assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
            assertThat(incoming.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        } finally {
            slow.close();
        }
    }
}
