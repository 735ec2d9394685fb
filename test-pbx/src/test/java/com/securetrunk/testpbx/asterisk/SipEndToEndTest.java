package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.UpdateConfigAction;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ReloadEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/**
 * The whole PBX: asterisk-java provisions a chan_sip trunk with UpdateConfig + Reload, then an Originate places a
 * real SIP call (UDP, loopback) through that trunk to a second SIP UA, whose audio check must see the PBX's known
 * signal sample-accurately; a call from that UA into the PBX produces the inbound channel events.
 */
class SipEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void provisionedTrunkCarriesOriginatedAndIncomingCalls() throws Exception {
        try (SipUa farEnd = SipUa.start(UaConfig.pbx().name("far-end").autoAnswer(true, Duration.ofMillis(50)));
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V13_8_CERT2).amiPort(0).sipPort(0)
                     .withSipUa().loginFailDelay(Duration.ZERO).start()) {
            int farPort = farEnd.port(Transport.UDP);
            InetSocketAddress ami = pbx.amiAddress();
            ManagerConnection conn = new ManagerConnectionFactory(ami.getHostString(), ami.getPort(), "admin",
                    "secret").createManagerConnection();
            BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
            conn.addEventListener(events::add);
            conn.login();
            try {
                UpdateConfigAction provision = new UpdateConfigAction("sip.conf", "sip.conf", false);
                provision.setReload("chan_sip.so");
                provision.addCommand(UpdateConfigAction.ACTION_NEWCAT, "gw", null, null, null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "type", "friend", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "host", "127.0.0.1", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "port", Integer.toString(farPort), null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "context", "from-gw", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "insecure", "port,invite", null);
                assertThat(conn.sendAction(provision).getResponse()).isEqualTo("Success");
                await(events, ReloadEvent.class, e -> "chan_sip.so".equals(e.getModule()));

                // Outgoing: Originate -> INVITE to the trunk's host:port
                OriginateAction originate = new OriginateAction();
                originate.setChannel("SIP/gw/600");
                originate.setContext("default");
                originate.setExten("600");
                originate.setPriority(1);
                originate.setCallerId("\"AMI test\" <555>");
                originate.setTimeout(10_000L);
                originate.setAsync(true);
                assertThat(conn.sendAction(originate).getMessage()).isEqualTo("Originate successfully queued");
                assertThat(await(events, DialEndEvent.class, e -> true).getDialStatus()).isEqualTo("ANSWER");
                OriginateResponseEvent answered = await(events, OriginateResponseEvent.class, e -> true);
                assertThat(answered.getResponse()).isEqualTo("Success");
                assertThat(farEnd.calls()).hasSize(1);
                Call atFarEnd = farEnd.calls().get(0);
                assertThat(atFarEnd.invite().requestUri()).isEqualTo("sip:600@127.0.0.1:" + farPort);
                assertThat(atFarEnd.invite().header("From")).startsWith("\"AMI test\" <sip:555@");
                assertThat(atFarEnd.invite().header("User-Agent")).isEqualTo("Asterisk PBX certified/13.8-cert2");
                assertThat(atFarEnd.awaitFramesMatched(25, WAIT)).as(atFarEnd.audioReport().summary()).isTrue();
                ManagerResponse hungUp = conn.sendAction(new HangupAction(answered.getChannel()));
                assertThat(hungUp.getMessage()).isEqualTo("Channel Hungup");
                assertThat(await(events, HangupEvent.class, e -> true).getCause()).isEqualTo(16);
                assertThat(atFarEnd.awaitState(CallState.ENDED, WAIT)).isTrue();
                assertThat(atFarEnd.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);
                AudioReport heard = atFarEnd.audioReport();
                assertThat(heard.problems(20)).as(heard.summary()).isEmpty();

                // Incoming: the far end calls the PBX; its source matches peer gw
                events.clear();
                Call in = farEnd.call(CallRequest.to("sip:600@127.0.0.1:" + pbx.sipBindAddress().getPort())
                        .transport(Transport.UDP).from("sipp").displayName("sipp"));
                assertThat(in.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", in).isTrue();
                NewChannelEvent inbound = await(events, NewChannelEvent.class, e -> true);
                assertThat(inbound.getChannel()).isEqualTo("SIP/gw-00000001");
                assertThat(inbound.getContext()).isEqualTo("from-gw");
                assertThat(inbound.getExten()).isEqualTo("600");
                assertThat(inbound.getCallerIdNum()).isEqualTo("sipp");
                await(events, NewStateEvent.class, e -> "Ring".equals(e.getChannelStateDesc()));
                await(events, NewStateEvent.class, e -> "Up".equals(e.getChannelStateDesc()));
                assertThat(in.awaitFramesMatched(25, WAIT)).as(in.audioReport().summary()).isTrue();
                in.hangup();
                HangupEvent end = await(events, HangupEvent.class, e -> "SIP/gw-00000001".equals(e.getChannel()));
                assertThat(end.getCause()).isEqualTo(16);
                assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
                AudioReport fromPbx = in.audioReport();
                assertThat(fromPbx.problems(20)).as(fromPbx.summary()).isEmpty();
            } finally {
                conn.logoff();
            }
        }
    }

    @Test
    void pjsipEndpointOverTcpIsDialledWithThePjsipStyleOffer() throws Exception {
        try (SipUa farEnd = SipUa.start(UaConfig.pbx().name("far-end-tcp").autoAnswer(true, Duration.ofMillis(50)));
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(AsteriskPersonality.V20).amiPort(0).sipPort(0)
                     .withSipUa().loginFailDelay(Duration.ZERO).start()) {
            int farTcp = farEnd.port(Transport.TCP);
            InetSocketAddress ami = pbx.amiAddress();
            ManagerConnection conn = new ManagerConnectionFactory(ami.getHostString(), ami.getPort(), "admin",
                    "secret").createManagerConnection();
            BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
            conn.addEventListener(events::add);
            conn.login();
            try {
                UpdateConfigAction provision = new UpdateConfigAction("pjsip.conf", "pjsip.conf", false);
                provision.setReload("res_pjsip.so");
                provision.addCommand(UpdateConfigAction.ACTION_NEWCAT, "transport-tcp", null, null, null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "transport-tcp", "type", "transport", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "transport-tcp", "protocol", "tcp", null);
                provision.addCommand(UpdateConfigAction.ACTION_NEWCAT, "gw-aor", null, null, null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw-aor", "type", "aor", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw-aor", "contact",
                        "sip:127.0.0.1:" + farTcp + ";transport=tcp", null);
                provision.addCommand(UpdateConfigAction.ACTION_NEWCAT, "gw", null, null, null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "type", "endpoint", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "transport", "transport-tcp", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "aors", "gw-aor", null);
                provision.addCommand(UpdateConfigAction.ACTION_APPEND, "gw", "context", "from-gw", null);
                assertThat(conn.sendAction(provision).getResponse()).isEqualTo("Success");
                await(events, ReloadEvent.class, e -> "res_pjsip.so".equals(e.getModule()));

                OriginateAction originate = new OriginateAction();
                originate.setChannel("PJSIP/700@gw");
                originate.setApplication("Echo");
                originate.setTimeout(10_000L);
                ManagerResponse sync = conn.sendAction(originate, 15_000);
                assertThat(sync.getMessage()).isEqualTo("Originate successfully queued");
                NewChannelEvent ch = await(events, NewChannelEvent.class, e -> true);
                assertThat(ch.getChannel()).isEqualTo("PJSIP/gw-00000000");
                Call atFarEnd = farEnd.calls().get(0);
                assertThat(atFarEnd.transport()).isEqualTo(Transport.TCP);
                assertThat(atFarEnd.invite().requestUri()).startsWith("sip:700@127.0.0.1:" + farTcp);
                assertThat(atFarEnd.remoteSdp()).contains("s=pjmedia");
                assertThat(atFarEnd.awaitFramesMatched(15, WAIT)).as(atFarEnd.audioReport().summary()).isTrue();
                assertThat(conn.sendAction(new HangupAction("PJSIP/gw-00000000")).getMessage())
                        .isEqualTo("Channel Hungup");
                assertThat(atFarEnd.awaitState(CallState.ENDED, WAIT)).isTrue();
                AudioReport heard = atFarEnd.audioReport();
                assertThat(heard.problems(10)).as(heard.summary()).isEmpty();
            } finally {
                conn.logoff();
            }
        }
    }

    private static <T extends ManagerEvent> T await(BlockingQueue<ManagerEvent> events, Class<T> type,
                                                    Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ManagerEvent e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event within " + WAIT);
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }
}
