package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

/**
 * The channel's SIP Call-ID in a VarSet, as the AMI bridge needs it: chan_sip sets {@code SIPCALLID} on every SIP
 * channel right after Newchannel; res_pjsip channels carry {@code SECURETRUNK_CALLID} only when extensions.conf holds
 * the drop-in line that sets it. And the drop-BYE fault: an AMI Hangup emits its Hangup event but the far end never
 * hears a BYE.
 */
class SipCallIdVariableTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private record Run(List<ManagerEvent> events, Call farEnd, String channel) {
    }

    private static Run originate(AsteriskPersonality p, String sipConf, String pjsipConf, String extensions,
                                 String dial, boolean dropBye) throws Exception {
        try (SipUa far = SipUa.start(UaConfig.pbx().name("far-" + p.cliName()).autoAnswer(true, Duration.ofMillis(20))
                .ports(0, 0, -1))) {
            int port = far.port(Transport.UDP);
            SimulatedAsterisk.Builder b = SimulatedAsterisk.builder(p).amiPort(0).sipPort(0).withSipUa()
                    .loginFailDelay(Duration.ZERO).sipConf(sipConf.formatted(port)).pjsipConf(pjsipConf.formatted(port));
            if (extensions != null) {
                b.extensionsConf(extensions);
            }
            try (SimulatedAsterisk pbx = b.start()) {
                pbx.dropByes(dropBye);
                InetSocketAddress ami = pbx.amiAddress();
                ManagerConnection conn = new ManagerConnectionFactory(ami.getHostString(), ami.getPort(), "admin",
                        "secret").createManagerConnection();
                BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
                conn.addEventListener(events::add);
                conn.login();
                try {
                    OriginateAction o = new OriginateAction();
                    o.setChannel(dial);
                    o.setApplication("Echo");
                    o.setTimeout(10_000L);
                    o.setAsync(true);
                    conn.sendAction(o);
                    List<ManagerEvent> seen = new ArrayList<>();
                    OriginateResponseEvent answered = await(events, seen, OriginateResponseEvent.class);
                    assertThat(answered.getResponse()).isEqualTo("Success");
                    Call call = far.calls().get(0);
                    conn.sendAction(new HangupAction(answered.getChannel()));
                    await(events, seen, HangupEvent.class);
                    if (dropBye) {
                        Thread.sleep(500);
                        assertThat(call.state()).as("no BYE reached the far end").isEqualTo(CallState.ANSWERED);
                        call.hangup();
                    }
                    assertThat(call.awaitState(CallState.ENDED, WAIT)).isTrue();
                    return new Run(seen, call, answered.getChannel());
                } finally {
                    conn.logoff();
                }
            }
        }
    }

    private static <T extends ManagerEvent> T await(BlockingQueue<ManagerEvent> events, List<ManagerEvent> seen,
                                                    Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ManagerEvent e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event within " + WAIT + "; saw " + seen);
            }
            seen.add(e);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    private static List<VarSetEvent> varSets(Run r, String variable) {
        return r.events().stream().filter(VarSetEvent.class::isInstance).map(VarSetEvent.class::cast)
                .filter(v -> v.getVariable().equals(variable)).toList();
    }

    private static final String SIP = "[general]\ncontext=default\n\n[gw]\ntype=peer\nhost=127.0.0.1\nport=%d\n"
            + "context=from-gw\ninsecure=port,invite\n";
    private static final String PJSIP = "[gw-aor]\ntype=aor\ncontact=sip:127.0.0.1:%d\n\n[gw]\ntype=endpoint\n"
            + "aors=gw-aor\ncontext=from-gw\n";

    @Test
    void chanSipSetsSipCallIdRightAfterNewchannelAndADroppedByeNeverReachesTheFarEnd() throws Exception {
        Run r = originate(AsteriskPersonality.V13_8_CERT2, SIP, PJSIP, null, "SIP/gw/600", true);
        List<VarSetEvent> v = varSets(r, "SIPCALLID");
        assertThat(v).singleElement().satisfies(e -> {
            assertThat(e.getValue()).isEqualTo(r.farEnd().callId());
            assertThat(e.getChannel()).isEqualTo(r.channel());
            assertThat(e.getUniqueId()).isNotBlank();
        });
        assertThat(r.events().indexOf(v.get(0))).isGreaterThan(
                r.events().indexOf(r.events().stream().filter(NewChannelEvent.class::isInstance).findFirst()
                        .orElseThrow()));
    }

    @Test
    void pjsipChannelsCarrySecureTrunkCallIdOnlyWithTheDropInDialplan() throws Exception {
        String dropIn = "[general]\nstatic=yes\n\n[securetrunk-callid]\n"
                + "exten => s,1,Set(SECURETRUNK_CALLID=${CHANNEL(pjsip,call-id)})\n same => n,Return()\n";
        Run with = originate(AsteriskPersonality.V20, SIP, PJSIP, dropIn, "PJSIP/700@gw", false);
        assertThat(varSets(with, "SECURETRUNK_CALLID")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo(with.farEnd().callId()));
        assertThat(varSets(with, "SIPCALLID")).as("res_pjsip sets no SIPCALLID").isEmpty();

        Run without = originate(AsteriskPersonality.V20, SIP, PJSIP, null, "PJSIP/700@gw", false);
        assertThat(varSets(without, "SECURETRUNK_CALLID")).isEmpty();
    }
}
