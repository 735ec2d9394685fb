package com.securetrunk.gateway.app;

import static com.securetrunk.gateway.app.CallChecks.assertClean;
import static com.securetrunk.gateway.app.CallChecks.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.ConnectionStatus;
import com.securetrunk.ami.provision.DropInTrunk;
import com.securetrunk.ami.provision.TrunkSpec;
import com.securetrunk.gateway.sip.B2bua;
import com.securetrunk.gateway.tls.LogCapture;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.Channel;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8 end to end, in one JVM: the simulated Asterisk (AMI server + SIP user agent), the running gateway with its
 * AMI bridge, and the simulated secure domain (TLS + SRTP). The bridge discovers the PBX and provisions the trunk
 * through AMI; an AMI Originate then places a real SIP call through that trunk, through the gateway, to the secure
 * domain, with audio checked both ways; the channel's SIP Call-ID (chan_sip's SIPCALLID, or the drop-in dialplan's
 * SECURETRUNK_CALLID for res_pjsip) ties it to the gateway's call; an AMI Hangup whose BYE is lost still frees the
 * media session; an AMI server restart is followed by reconnect and re-provisioning without restarting the gateway.
 */
class AmiGatewayEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USER = "securetrunk";
    private static final String SECRET = "amisecret";

    @TempDir
    Path dir;

    private SimulatedAsterisk pbx;
    private SecureDomain domain;
    private Gateway gateway;
    private ManagerConnection admin;
    private final List<Call> domainCalls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (admin != null) {
            try {
                admin.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        CallChecks.closeLeavingNothing(gateway);
        CallChecks.closeAll(domain, pbx);
    }

    /** The extensions.conf part of the drop-in trunk (it holds the SECURETRUNK_CALLID lines for res_pjsip). */
    private static String dropInDialplan(ChannelDriver driver) {
        String dropIn = DropInTrunk.render(TrunkSpec.defaults(driver, "127.0.0.1", 5060), "asterisk-pjsip-modern");
        String dialplan = dropIn.substring(dropIn.indexOf("; --- extensions.conf ---"));
        return "[general]\nstatic=yes\nwriteprotect=no\n\n[default]\nexten => 600,1,Answer()\n\n" + dialplan;
    }

    private SimulatedAsterisk startPbx(AsteriskPersonality p, int amiPort, int sipPort, ChannelDriver dialplanFor)
            throws Exception {
        return SimulatedAsterisk.builder(p).amiPort(amiPort).sipPort(sipPort).amiUser(USER, SECRET)
                .loginFailDelay(Duration.ofMillis(50)).extensionsConf(dropInDialplan(dialplanFor)).withSipUa().start();
    }

    private void start(AsteriskPersonality p, String driver, String pbxProfile) throws Exception {
        ChannelDriver d = driver.equals("chan_sip") ? ChannelDriver.CHAN_SIP : ChannelDriver.PJSIP;
        pbx = startPbx(p, 0, 0, d);
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        domain.onIncomingCall(domainCalls::add);
        gateway = GatewayFixture.start(dir, pbx.sipBindAddress().getPort(), """
                secure-domain { targets = [ { host = "domain.sip.example.test", port = %d } ] }
                pbx.profile = %s
                ami {
                  enabled = true, host = "127.0.0.1", port = %d, username = %s, secret = "%s"
                  provision-trunk = true, reconnect-min-delay = 50ms, reconnect-max-delay = 300ms
                  trunk { driver = %s }
                }
                """.formatted(domain.tlsPort(), pbxProfile, pbx.amiAddress().getPort(), USER, SECRET, driver));
    }

    private Trunk awaitProvisionedTrunk(Trunk.Driver driver) throws InterruptedException {
        within(WAIT, () -> pbx.liveTrunk(driver, "securetrunk").isPresent(),
                "trunk provisioned through AMI; bridge " + gateway.amiStatus());
        return pbx.liveTrunk(driver, "securetrunk").orElseThrow();
    }

    private ManagerConnection admin() throws Exception {
        ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", pbx.amiAddress().getPort(), USER, SECRET)
                .createManagerConnection();
        c.login("off");
        return c;
    }

    /** AMI Originate through the provisioned trunk; returns the PBX's channel and SIP call once answered. */
    private Channel originate(String tech, String number) throws Exception {
        OriginateAction o = new OriginateAction();
        o.setChannel(tech + "/" + number + "@securetrunk");
        o.setContext("default");
        o.setExten("600");
        o.setPriority(1);
        o.setTimeout(10_000L);
        o.setCallerId("\"Front Desk\" <2001>");
        o.setAsync(true);
        ManagerResponse r = admin.sendAction(o, 5_000);
        assertThat(r.getResponse()).as(r.getMessage()).isEqualTo("Success");
        within(WAIT, () -> pbx.channels().list().stream().anyMatch(ch -> ch.state().name().equals("UP")),
                "the originated channel is up");
        return pbx.channels().list().get(0);
    }

    private Call pbxSideCall() {
        SipUa ua = pbx.sipUa().orElseThrow();
        return ua.calls().stream().filter(c -> c.state() == CallState.ANSWERED).findFirst().orElseThrow();
    }

    private void assertNoMediaLeft() throws InterruptedException {
        within(WAIT, () -> gateway.relay().sessionCount() == 0 && gateway.b2bua().activeCalls() == 0,
                "media session released");
        // released ports sit out media.port-quarantine (1 s here) before they count as free again
        within(WAIT, () -> gateway.relay().pool().inUse() == 0, "media ports back in the pool");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "V13_8_CERT2, chan_sip, asterisk-chan_sip,     SIP",
        "V13_8_CERT2, auto,     asterisk-13.8-cert2,   PJSIP",
        "V16,         auto,     asterisk-pjsip-modern, PJSIP",
        "V20,         auto,     asterisk-pjsip-modern, PJSIP",
    })
    void provisionedTrunkCarriesAnOriginatedCallWithAudioAndAHangupWithoutByeFreesItsMedia(
            AsteriskPersonality personality, String driver, String profile, Trunk.Driver trunkDriver)
            throws Exception {
        try (LogCapture calls = new LogCapture(com.securetrunk.gateway.app.calllog.CallLog.LOGGER)) {
            start(personality, driver, profile);
            Trunk trunk = awaitProvisionedTrunk(trunkDriver);
            assertThat(trunk.port()).as("the trunk points at the port the gateway is bound to")
                    .isEqualTo(gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP));
            ConnectionStatus status = gateway.amiStatus().orElseThrow();
            assertThat(status.connected()).isTrue();
            assertThat(status.identity()).hasValueSatisfying(i -> assertThat(i.profileName()).contains(profile));

            admin = admin();
            Channel ch = originate(trunkDriver.technology(), "+15551230001");
            within(WAIT, () -> !domainCalls.isEmpty(), "the secure domain is called");
            Call in = domainCalls.get(0);
            assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
            assertThat(in.transport()).isEqualTo(com.securetrunk.testpbx.sip.Transport.TLS);
            assertThat(in.remoteSdp()).contains("RTP/SAVP", "a=crypto:");
            Call out = pbxSideCall();
            assertThat(in.invite().header(B2bua.OTHER_LEG_CALL_ID_HEADER))
                    .as("the PBX's Call-ID is not passed on to the secure domain").isNull();

            // the PBX channel announced its Call-ID; the bridge tied it to the gateway's call
            String callId = out.callId();
            within(WAIT, () -> !calls.messagesContaining(ch.uniqueid()).isEmpty(), "call log names the uniqueid");
            assertThat(calls.messagesContaining(ch.uniqueid()).get(0))
                    .contains(callId, ch.name(), "linkedid " + ch.uniqueid());

            out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
            in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
            assertClean(out.audioReport(), "PBX hears the secure domain");
            assertClean(in.audioReport(), "secure domain hears the PBX");

            // the PBX hangs up but its BYE is lost: only the AMI Hangup event tells the gateway
            pbx.dropByes(true);
            ManagerResponse h = admin.sendAction(new HangupAction(ch.name()), 5_000);
            assertThat(h.getResponse()).as(h.getMessage()).isEqualTo("Success");
            assertThat(out.awaitState(CallState.ENDED, WAIT)).isTrue();
            assertNoMediaLeft();
            assertThat(in.awaitState(CallState.ENDED, WAIT)).as("the secure-domain leg gets its BYE").isTrue();
            assertThat(calls.messagesContaining("its media session was still open and is now released"))
                    .hasSize(1);
            // one end line per call, and it names the Asterisk channel the bridge tied to it
            within(WAIT, () -> !calls.messagesContaining("call end ").isEmpty(), "the call's end line");
            assertThat(calls.messagesContaining("call end ")).singleElement()
                    .satisfies(line -> assertThat(line).contains("in-call-id=" + callId, "reason=",
                            "asterisk-channel=" + ch.name(), "uniqueid=" + ch.uniqueid()));
        }
    }

    @Test
    void restartingTheAmiServerLeadsToReconnectAndReprovisioningWithoutAGatewayRestart() throws Exception {
        start(AsteriskPersonality.V20, "auto", "asterisk-pjsip-modern");
        awaitProvisionedTrunk(Trunk.Driver.PJSIP);
        int amiPort = pbx.amiAddress().getPort();
        int sipPort = pbx.sipBindAddress().getPort();

        pbx.close(); // Asterisk goes away, and its in-memory configuration (the trunk) with it
        pbx = null;
        within(WAIT, () -> gateway.amiStatus().orElseThrow().state() == ConnectionStatus.State.WAITING_TO_RECONNECT
                && gateway.amiStatus().orElseThrow().attempt() >= 1, "the bridge notices and backs off");
        assertThat(gateway.amiStatus().orElseThrow().lastError()).isPresent();

        pbx = restartPbx(amiPort, sipPort);
        awaitProvisionedTrunk(Trunk.Driver.PJSIP);
        within(WAIT, () -> gateway.amiStatus().orElseThrow().connected(), "reconnected");
        assertThat(gateway.amiStatus().orElseThrow().lastError()).isEmpty();

        // the same gateway carries a call through the re-created trunk
        admin = admin();
        Channel ch = originate("PJSIP", "+15551230002");
        within(WAIT, () -> !domainCalls.isEmpty(), "the secure domain is called");
        Call in = domainCalls.get(0);
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        assertClean(in.audioReport(), "secure domain hears the PBX after the restart");
        admin.sendAction(new HangupAction(ch.name()), 5_000);
        assertThat(in.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertNoMediaLeft();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "V13_8_CERT2, chan_sip, asterisk-chan_sip,     SIP",
        "V20,         auto,     asterisk-pjsip-modern, PJSIP",
    })
    void aCallFromTheSecureDomainCarriesItsCallIdToThePbxAndIsTiedToTheChannelByTheGatewaysCallId(
            AsteriskPersonality personality, String driver, String profile, Trunk.Driver trunkDriver)
            throws Exception {
        try (LogCapture calls = new LogCapture(com.securetrunk.gateway.app.calllog.CallLog.LOGGER)) {
            start(personality, driver, profile);
            awaitProvisionedTrunk(trunkDriver);
            admin = admin();
            Call out = domain.call("sip:1000@127.0.0.1:" + gateway.secureTlsPort() + ";secure=true");
            assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered: %s", out).isTrue();
            Call atPbx = pbxSideCall();
            assertThat(atPbx.invite().header(B2bua.OTHER_LEG_CALL_ID_HEADER)).as("the secure-domain leg's Call-ID")
                    .isEqualTo(out.callId());
            assertThat(atPbx.callId()).as("the PBX leg has the gateway's own Call-ID").isNotEqualTo(out.callId());
            within(WAIT, () -> pbx.channels().list().size() == 1, "the PBX has the inbound channel");
            Channel ch = pbx.channels().list().get(0);
            assertThat(ch.name()).startsWith(trunkDriver.technology() + "/securetrunk-");
            within(WAIT, () -> !calls.messagesContaining(ch.uniqueid()).isEmpty(), "call log names the uniqueid");
            assertThat(calls.messagesContaining(ch.uniqueid()).get(0)).contains(atPbx.callId(), "secure -> legacy");
            out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
            atPbx.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
            assertClean(out.audioReport(), "secure domain hears the PBX");
            assertClean(atPbx.audioReport(), "PBX hears the secure domain");
            pbx.dropByes(true);
            admin.sendAction(new HangupAction(ch.name()), 5_000);
            assertThat(out.awaitState(CallState.ENDED, WAIT)).as("the secure domain gets the BYE").isTrue();
            assertNoMediaLeft();
        }
    }

    /** The same ports again; the old sockets may take a moment to be released. */
    private SimulatedAsterisk restartPbx(int amiPort, int sipPort) throws Exception {
        java.net.BindException last = null;
        for (int i = 0; i < 30; i++) {
            try {
                return startPbx(AsteriskPersonality.V20, amiPort, sipPort, ChannelDriver.PJSIP);
            } catch (java.net.BindException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void withoutAmiConfiguredNoBridgeRuns() throws Exception {
        SipUa plain = SipUa.start(com.securetrunk.testpbx.sip.UaConfig.pbx().name("pbx").ports(0, 0, -1));
        try {
            gateway = GatewayFixture.start(dir, plain.port(com.securetrunk.testpbx.sip.Transport.UDP), "");
            assertThat(gateway.amiStatus()).isEmpty();
            assertThat(gateway.amiBridge()).isEmpty();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .doesNotContain("securetrunk-ami");
        } finally {
            plain.close();
        }
    }
}
