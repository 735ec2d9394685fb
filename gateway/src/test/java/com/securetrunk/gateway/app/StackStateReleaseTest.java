package com.securetrunk.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.sip.Side;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway's SIP stacks keep of calls that are over (issue 7's p99: state kept for 64*T1 after each call is
 * what G1 copies in its young pauses). Calls PBX (UDP) -> gateway -> secure domain (TLS), answered and hung up; then
 * the secure stack's timer queue must be back where it started: with TLS there is no Timer J/K to wait for, and the
 * RI's 32 s "delete if no ACK sent" timer of each dialog we ACKed is cancelled and gone from the queue.
 */
class StackStateReleaseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CALLS = 20;

    @TempDir
    Path dir;

    private SipUa pbx;
    private SecureDomain domain;
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        CallChecks.closeAll(gateway, domain, pbx);
    }

    @Test
    void endedCallsLeaveNoTimersOnTheSecureStack() throws Exception {
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        gateway = GatewayFixture.start(dir, pbx.port(Transport.UDP),
                "secure-domain { targets = [ { host = \"domain.sip.example.test\", port = " + domain.tlsPort() + " } ] }\n");
        assertThat(gateway.b2bua().stackTimersQueued(Side.SECURE)).as("the gateway's stacks run PromptReleaseSipTimer")
                .isGreaterThanOrEqualTo(0);
        int before = gateway.b2bua().stackTimersQueued(Side.SECURE);

        for (int i = 0; i < CALLS; i++) {
            AtomicReference<Call> incoming = new AtomicReference<>();
            domain.onIncomingCall(incoming::set);
            Call out = pbx.call(CallRequest.to("sip:+1555123" + (1000 + i) + "@127.0.0.1:"
                    + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP)));
            assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("call %d: %s", i, out).isTrue();
            assertThat(incoming.get()).isNotNull();
            assertThat(incoming.get().awaitState(CallState.ANSWERED, WAIT)).isTrue();
            out.hangup();
            assertThat(incoming.get().awaitState(CallState.ENDED, WAIT)).as("call %d ended at the domain", i).isTrue();
        }
        CallChecks.within(WAIT, () -> gateway.b2bua().activeCalls() == 0, "no call left");

        // a call's transactions end at once over TLS; what lingered was one 32 s dialog timer per call
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gateway.b2bua().stackTimersQueued(Side.SECURE) >= before + 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.b2bua().stackTimersQueued(Side.SECURE)).as("secure stack timers after %d calls", CALLS)
                .isLessThan(before + 5);
    }
}
