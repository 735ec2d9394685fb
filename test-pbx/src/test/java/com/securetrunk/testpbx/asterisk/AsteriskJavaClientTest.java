package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.EventsAction;
import org.asteriskjava.manager.action.GetConfigAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ModuleLoadAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SipPeersAction;
import org.asteriskjava.manager.action.UpdateConfigAction;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.PeerEntryEvent;
import org.asteriskjava.manager.event.ReloadEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.GetConfigResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.asteriskjava.manager.ResponseEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * asterisk-java 3.42.2 — an AMI client written by others, with its own parser — logs in (MD5 challenge), detects
 * the version, and drives every action the simulator offers, for each personality; it must receive every event
 * listed in issue 5 (FullyBooted, Newchannel, Newstate, DialBegin, DialEnd, Hangup, Reload, VarSet).
 *
 * <p>The SIP side here is {@link ScriptedChannelDriver} (no SIP on the wire): this test proves the AMI side and its
 * event sequencing, not a SIP call.
 */
class AsteriskJavaClientTest {

    private static final long WAIT_MS = 5_000;

    /** asterisk-java has no ReloadAction class (compat-notes §4.5), so the test declares one the library serialises. */
    public static final class ReloadAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private String module;

        public ReloadAction(String module) {
            this.module = module;
        }

        @Override
        public String getAction() {
            return "Reload";
        }

        public String getModule() {
            return module;
        }

        public void setModule(String module) {
            this.module = module;
        }
    }

    @ParameterizedTest
    @EnumSource(AsteriskPersonality.class)
    void drivesEveryActionAndReceivesEveryEvent(AsteriskPersonality personality) throws Exception {
        try (ScriptedChannelDriver farEnd = new ScriptedChannelDriver();
             SimulatedAsterisk pbx = SimulatedAsterisk.builder(personality).amiPort(0).sipPort(15060)
                     .channelDriver(farEnd).loginFailDelay(Duration.ZERO).start()) {
            InetSocketAddress ami = pbx.amiAddress();
            ManagerConnection conn = new ManagerConnectionFactory(ami.getHostString(), ami.getPort(), "admin",
                    "secret").createManagerConnection();
            BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
            conn.addEventListener(events::add);
            conn.login();
            try {
                assertThat(conn.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
                assertThat(conn.getVersion()).isEqualTo(expectedVersion(personality));
                FullyBootedEvent booted = await(events, FullyBootedEvent.class, e -> true);
                assertThat(booted.getStatus()).isEqualTo("Fully Booted");

                // Ping, CoreSettings, CoreStatus
                assertThat(((PingResponse) conn.sendAction(new PingAction())).getPing()).isEqualTo("Pong");
                CoreSettingsResponse settings = (CoreSettingsResponse) conn.sendAction(new CoreSettingsAction());
                assertThat(settings.getAsteriskVersion()).isEqualTo(personality.asteriskVersion());
                assertThat(settings.getAmiVersion()).isEqualTo(personality.amiVersion());
                CoreStatusResponse status = (CoreStatusResponse) conn.sendAction(new CoreStatusAction());
                assertThat(status.getCoreCurrentCalls()).isZero();

                // Command, parsed by asterisk-java in both framings
                assertThat(command(conn, "core show version").get(0))
                        .startsWith("Asterisk " + personality.asteriskVersion() + " built by");
                assertThat(command(conn, "pjsip show version"))
                        .contains("PJPROJECT version currently running against: " + personality.pjprojectVersion());
                assertThat(command(conn, "module show like chan_sip")).anyMatch(l -> l.startsWith("chan_sip.so"))
                        .contains("1 modules loaded");
                assertThat(command(conn, "sip show peers"))
                        .contains("0 sip peers [Monitored: 0 online, 0 offline Unmonitored: 0 online, 0 offline]");
                assertThat(command(conn, "pjsip show endpoints")).contains("No objects found.");

                // GetConfig
                GetConfigResponse cfg = (GetConfigResponse) conn.sendAction(new GetConfigAction("sip.conf"));
                assertThat(cfg.getCategories()).containsEntry(0, "general");
                assertThat(cfg.getLines(0)).containsValue("udpbindaddr=127.0.0.1:15060");

                // UpdateConfig: NewCat, Append, Update, Delete, RenameCat, DelCat through asterisk-java's builder
                UpdateConfigAction update = new UpdateConfigAction("sip.conf", "sip.conf", false);
                update.addCommand(UpdateConfigAction.ACTION_NEWCAT, "trunk-tmp", null, null, null);
                update.addCommand(UpdateConfigAction.ACTION_APPEND, "trunk-tmp", "type", "friend", null);
                update.addCommand(UpdateConfigAction.ACTION_APPEND, "trunk-tmp", "host", "127.0.0.1", null);
                update.addCommand(UpdateConfigAction.ACTION_APPEND, "trunk-tmp", "port", "5999", null);
                update.addCommand(UpdateConfigAction.ACTION_APPEND, "trunk-tmp", "context", "from-gw", null);
                update.addCommand(UpdateConfigAction.ACTION_APPEND, "trunk-tmp", "qualify", "no", null);
                update.addCommand(UpdateConfigAction.ACTION_UPDATE, "trunk-tmp", "port", "5080", "5999");
                update.addCommand(UpdateConfigAction.ACTION_DELETE, "trunk-tmp", "qualify", null, null);
                update.addCommand(UpdateConfigAction.ACTION_RENAMECAT, "trunk-tmp", null, "gw", null);
                update.addCommand(UpdateConfigAction.ACTION_NEWCAT, "scratch", null, null, null);
                update.addCommand(UpdateConfigAction.ACTION_DELCAT, "scratch", null, null, null);
                ManagerResponse updated = conn.sendAction(update);
                assertThat(updated.getResponse()).as(updated.getMessage()).isEqualTo("Success");
                GetConfigResponse gw = (GetConfigResponse) conn.sendAction(new GetConfigAction("sip.conf"));
                assertThat(gw.getCategories()).containsValues("general", "gw").doesNotContainValue("scratch");
                assertThat(gw.getLines(1)).isEqualTo(Map.of(0, "type=friend", 1, "host=127.0.0.1",
                        2, "port=5080", 3, "context=from-gw"));
                UpdateConfigAction bad = new UpdateConfigAction("sip.conf", "sip.conf", false);
                bad.addCommand(UpdateConfigAction.ACTION_UPDATE, "nosuchcat", "host", "x", null);
                ManagerResponse badUpdate = conn.sendAction(bad);
                assertThat(badUpdate).isInstanceOf(ManagerError.class);
                assertThat(badUpdate.getMessage()).isEqualTo("Given category does not exist");

                // Not live before the reload
                assertThat(pbx.sipPeers()).isEmpty();
                ManagerResponse reload = conn.sendAction(new ReloadAction("chan_sip.so"));
                assertThat(reload.getMessage()).isEqualTo("Module Reloaded");
                ReloadEvent reloadEvent = await(events, ReloadEvent.class, e -> "chan_sip.so".equals(e.getModule()));
                assertThat(reloadEvent.getStatus()).isEqualTo("0");
                assertThat(pbx.sipPeers()).extracting(Trunk::name).containsExactly("gw");
                ManagerResponse moduleReload = conn.sendAction(new ModuleLoadAction("res_pjsip.so",
                        ModuleLoadAction.LOAD_TYPE_RELOAD));
                assertThat(moduleReload.getMessage()).isEqualTo("Module reloaded.");
                await(events, ReloadEvent.class, e -> "res_pjsip.so".equals(e.getModule()));
                ManagerResponse noModule = conn.sendAction(new ReloadAction("chan_nothing.so"));
                assertThat(noModule.getMessage()).isEqualTo("No such module");

                // SIPpeers (event list)
                ResponseEvents peers = conn.sendEventGeneratingAction(new SipPeersAction(), WAIT_MS);
                assertThat(peers.getEvents()).filteredOn(PeerEntryEvent.class::isInstance)
                        .extracting(e -> ((PeerEntryEvent) e).getObjectName()).containsExactly("gw");

                // PJSIPShowEndpoints after provisioning an endpoint through UpdateConfig + ModuleLoad reload
                UpdateConfigAction pjUpdate = new UpdateConfigAction("pjsip.conf", "pjsip.conf", false);
                pjUpdate.setReload("res_pjsip.so");
                pjUpdate.addCommand(UpdateConfigAction.ACTION_NEWCAT, "gw-aor", null, null, null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gw-aor", "type", "aor", null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gw-aor", "contact", "sip:127.0.0.1:5090", null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_NEWCAT, "gwpj", null, null, null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gwpj", "type", "endpoint", null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gwpj", "transport", "transport-udp", null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gwpj", "aors", "gw-aor", null);
                pjUpdate.addCommand(UpdateConfigAction.ACTION_APPEND, "gwpj", "context", "from-gw", null);
                ManagerResponse pj = conn.sendAction(pjUpdate);
                assertThat(pj.getResponse()).isEqualTo("Success");
                await(events, ReloadEvent.class, e -> "res_pjsip.so".equals(e.getModule()));
                ResponseEvents endpoints = conn.sendEventGeneratingAction(new PJSipShowEndpointsAction(), WAIT_MS);
                assertThat(endpoints.getEvents()).filteredOn(EndpointList.class::isInstance)
                        .extracting(e -> ((EndpointList) e).getObjectName()).containsExactly("gwpj");
                assertThat(pbx.pjsipEndpoints().get(0).port()).isEqualTo(5090);

                // Originate through the provisioned chan_sip trunk: the event sequence of the 20.20.1 transcript
                OriginateAction originate = new OriginateAction();
                originate.setChannel("SIP/gw/1000");
                originate.setContext("default");
                originate.setExten("600");
                originate.setPriority(1);
                originate.setCallerId("\"AMI test\" <555>");
                originate.setTimeout(10_000L);
                originate.setAsync(true);
                originate.setVariable("FOO", "bar");
                ManagerResponse queued = conn.sendAction(originate);
                assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
                NewChannelEvent newChannel = await(events, NewChannelEvent.class, e -> true);
                assertThat(newChannel.getChannel()).isEqualTo("SIP/gw-00000000");
                assertThat(newChannel.getContext()).isEqualTo("from-gw");
                VarSetEvent varSet = await(events, VarSetEvent.class, e -> "FOO".equals(e.getVariable()));
                assertThat(varSet.getValue()).isEqualTo("bar");
                DialBeginEvent dialBegin = await(events, DialBeginEvent.class, e -> true);
                assertThat(dialBegin.getDialString()).isEqualTo("gw/1000");
                await(events, NewStateEvent.class, e -> "Ringing".equals(e.getChannelStateDesc()));
                await(events, NewStateEvent.class, e -> "Up".equals(e.getChannelStateDesc()));
                DialEndEvent dialEnd = await(events, DialEndEvent.class, e -> true);
                assertThat(dialEnd.getDialStatus()).isEqualTo("ANSWER");
                OriginateResponseEvent response = await(events, OriginateResponseEvent.class, e -> true);
                assertThat(response.getResponse()).isEqualTo("Success");
                assertThat(response.getReason()).isEqualTo(4);
                assertThat(farEnd.dialed).singleElement().satisfies(d -> {
                    assertThat(d.trunk().host()).isEqualTo("127.0.0.1");
                    assertThat(d.trunk().port()).isEqualTo(5080);
                    assertThat(d.exten()).isEqualTo("1000");
                    assertThat(d.callerId()).isEqualTo(new CallerId("AMI test", "555"));
                });

                // Hangup from AMI reaches the SIP side and produces the Hangup event
                ManagerResponse hungUp = conn.sendAction(new HangupAction("SIP/gw-00000000"));
                assertThat(hungUp.getMessage()).isEqualTo("Channel Hungup");
                HangupEvent hangup = await(events, HangupEvent.class, e -> true);
                assertThat(hangup.getCause()).isEqualTo(16);
                assertThat(hangup.getCauseTxt()).isEqualTo("Normal Clearing");
                assertThat(farEnd.hangups).containsExactly(HangupCause.NORMAL_CLEARING);
                assertThat(conn.sendAction(new HangupAction("SIP/gw-00000000")).getMessage())
                        .isEqualTo("No such channel");

                // Events off: a Reload raises no event for this session any more
                ManagerResponse off = conn.sendAction(new EventsAction("off"));
                assertThat(off.getAttributes()).containsEntry("events", "Off");
                events.clear();
                conn.sendAction(new ReloadAction("chan_sip.so"));
                conn.sendAction(new PingAction());
                assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
            } finally {
                conn.logoff();
            }
            assertThat(conn.getState()).isEqualTo(ManagerConnectionState.DISCONNECTED);
        }
    }

    private static AsteriskVersion expectedVersion(AsteriskPersonality p) {
        switch (p) {
            case V13_8_CERT2:
                return AsteriskVersion.ASTERISK_13;
            case V16:
                return AsteriskVersion.ASTERISK_16;
            default:
                return AsteriskVersion.ASTERISK_20;
        }
    }

    private static List<String> command(ManagerConnection conn, String cli) throws Exception {
        ManagerResponse r = conn.sendAction(new CommandAction(cli));
        assertThat(r).as("response to '%s'", cli).isInstanceOf(CommandResponse.class);
        return ((CommandResponse) r).getResult();
    }

    private static <T extends ManagerEvent> T await(BlockingQueue<ManagerEvent> events, Class<T> type,
                                                    Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (true) {
            long left = deadline - System.nanoTime();
            ManagerEvent e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event within " + WAIT_MS + " ms");
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }
}
