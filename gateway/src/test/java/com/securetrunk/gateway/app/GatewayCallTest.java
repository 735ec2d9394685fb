package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.UaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in one JVM: the simulated PBX (plain SIP/RTP) and the simulated secure domain (TLS, SRTP through
 * jitsi-srtp) call each other through the gateway; audio is checked sample by sample in both directions.
 */
class GatewayCallTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SipUa pbx;
    private SecureDomain domain;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
            assertThat(gateway.relay().sessionCount()).as("media sessions left").isZero();
            assertThat(gateway.relay().pool().inUse()).as("media ports left").isZero();
        }
        if (domain != null) {
            domain.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    private void start(SecureDomain.Config domainConfig, String extra) throws Exception {
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        domain = SecureDomain.start(domainConfig.name("domain"));
        gateway = GatewayFixture.start(dir, pbx.port(com.securetrunk.testpbx.sip.Transport.UDP),
                "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = " + domain.tlsPort() + " } ] }\n" + extra);
    }

    private String gatewayLegacyUri(String user) {
        return "sip:" + user + "@127.0.0.1:" + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP);
    }

    private void assertNoMediaLeft() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gateway.relay().sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.relay().sessionCount()).as("media sessions left after the call").isZero();
        assertThat(gateway.b2bua().activeCalls()).isZero();
    }

    private static void assertClean(AudioReport r, String who) {
        assertThat(r.problems(25)).as(who + ": " + r.summary()).isEmpty();
    }

    @Test
    void pbxCallsSecureDomainWithAudioBothWaysAndHangsUp() throws Exception {
        start(SecureDomain.config(), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to(gatewayLegacyUri("+15551230001")));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("PBX call answered: %s", out).isTrue();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        assertThat(in.transport()).isEqualTo(com.securetrunk.testpbx.sip.Transport.TLS);
        assertThat(in.remoteSdp()).contains("RTP/SAVP", "a=crypto:").doesNotContain("RTP/AVP ");
        assertThat(out.remoteSdp()).contains("RTP/AVP").doesNotContain("a=crypto");
        Thread.sleep(1500);
        assertClean(out.audioReport(), "PBX hears the secure domain");
        assertClean(in.audioReport(), "secure domain hears the PBX");
        out.hangup();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(in.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertNoMediaLeft();
    }

    @Test
    void secureDomainCallsPbxWithSecureTrueOfferingOnlyAes80AndHangsUp() throws Exception {
        start(SecureDomain.config(), "");
        AtomicReference<Call> incoming = new AtomicReference<>();
        pbx.onIncomingCall(incoming::set);
        Call out = domain.call("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true");
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("secure-domain call answered: %s", out).isTrue();
        assertThat(out.localSdp()).contains("AES_CM_128_HMAC_SHA1_80").doesNotContain("AES_CM_128_HMAC_SHA1_32");
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        assertThat(in.remoteSdp()).contains("RTP/AVP").doesNotContain("a=crypto");
        Thread.sleep(1500);
        assertClean(out.audioReport(), "secure domain hears the PBX");
        assertClean(in.audioReport(), "PBX hears the secure domain");
        in.hangup(); // BYE from the PBX side this time
        assertThat(out.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(out.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
        assertNoMediaLeft();
    }
}
