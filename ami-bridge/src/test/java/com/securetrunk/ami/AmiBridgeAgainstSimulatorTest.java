package com.securetrunk.ami;

import com.securetrunk.ami.discovery.ProfileNames;
import com.securetrunk.ami.provision.ProvisionResult;
import com.securetrunk.ami.provision.TrunkSpec;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.CallerId;
import com.securetrunk.testpbx.asterisk.Channel;
import com.securetrunk.testpbx.asterisk.HangupCause;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The whole bridge (reconnecting connection, discovery, provisioning check, events) against the simulated Asterisk
 * over real TCP, asterisk-java in between.
 */
class AmiBridgeAgainstSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Everything the listener heard, in order. */
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    private final AmiBridgeListener listener = new AmiBridgeListener() {
        @Override
        public void onPbxIdentified(PbxIdentity identity, List<PbxWarning> warnings) {
            heard.add(identity);
        }

        @Override
        public void onChannelHangup(ChannelHangup hangup) {
            heard.add(hangup);
        }

        @Override
        public void onChannelCorrelated(String callId, String channel, String uniqueId, String linkedId) {
            heard.add(new String[] {callId, channel, uniqueId, linkedId});
        }

        @Override
        public void onConnectionState(ConnectionStatus status) {
            heard.add(status);
        }

        @Override
        public void onProvisioned(ProvisionResult result) {
            heard.add(result);
        }
    };

    private SimulatedAsterisk pbx;
    private AmiBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Class<T> type, Predicate<T> what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Object o = heard.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(o) && what.test((T) o)) {
                return (T) o;
            }
        }
        return fail("listener did not hear a matching " + type.getSimpleName() + " within " + WAIT
                + "; bridge status " + bridge.status());
    }

    private void startBridge(AmiSettings settings) {
        bridge = AmiBridge.create(settings, listener);
        bridge.start();
    }

    @Test
    void connectsDiscoversProvisionsAndReleasesMediaWhenAsteriskHangsUpATrunkChannel() throws Exception {
        pbx = SimulatedPbx.start(AsteriskPersonality.V20);
        startBridge(SimulatedPbx.settings(pbx).withConfiguredDriver(ChannelDriver.CHAN_SIP)
                .withTrunk(TrunkSpec.defaults(ChannelDriver.CHAN_SIP, "127.0.0.1", 5080)));

        await(ConnectionStatus.class, ConnectionStatus::connected);
        PbxIdentity id = await(PbxIdentity.class, i -> true);
        assertThat(id.asteriskVersion()).isEqualTo("20.20.1");
        assertThat(id.profileName()).contains(ProfileNames.ASTERISK_CHAN_SIP);
        ProvisionResult applied = await(ProvisionResult.class, r -> true);
        assertThat(applied.outcome()).as(applied.message()).isEqualTo(ProvisionResult.Outcome.APPLIED);
        assertThat(pbx.liveTrunk(Trunk.Driver.SIP, "securetrunk")).isPresent();
        assertThat(bridge.status().identity()).contains(id);

        // A call on the trunk whose BYE never reaches the gateway: Asterisk hangs the channel up on its own.
        Channel ch = pbx.channels().create(Trunk.Driver.SIP, "securetrunk", "from-securetrunk", "100",
                new CallerId("Alice", "1001"));
        pbx.channels().setVariable(ch, "SIPCALLID", "3848276298220188511@127.0.0.1");
        String[] correlated = await(String[].class, c -> c[0].equals("3848276298220188511@127.0.0.1"));
        assertThat(correlated[1]).isEqualTo(ch.name()).startsWith("SIP/securetrunk-");
        assertThat(correlated[2]).isEqualTo(ch.uniqueid());

        // A channel of a phone, not the trunk: never reported.
        Channel phone = pbx.channels().create(Trunk.Driver.SIP, "phone100", "internal", "200", CallerId.UNKNOWN);
        pbx.channels().setVariable(phone, "SIPCALLID", "other-call@127.0.0.1");
        pbx.channels().hangup(phone, HangupCause.NORMAL_CLEARING, false, true);

        pbx.channels().hangup(ch, HangupCause.NO_ANSWER, true, false);
        ChannelHangup h = await(ChannelHangup.class, x -> true);
        assertThat(h.callId()).isEqualTo("3848276298220188511@127.0.0.1");
        assertThat(h.uniqueId()).isEqualTo(ch.uniqueid());
        assertThat(h.linkedId()).isNotBlank();
        assertThat(h.cause()).isEqualTo(19);
        assertThat(h.causeText()).isEqualTo("User alerting, no answer");
        assertThat(heard).noneMatch(o -> o instanceof ChannelHangup);
        assertThat(bridge.correlatedChannels()).isZero();
    }

    @Test
    void aReloadOnThePbxTriggersAProvisioningCheckThatRepairsTheTrunk() throws Exception {
        pbx = SimulatedPbx.start(AsteriskPersonality.V16);
        startBridge(SimulatedPbx.settings(pbx).withTrunk(TrunkSpec.defaults(ChannelDriver.PJSIP, "127.0.0.1", 5080)));
        assertThat(await(ProvisionResult.class, r -> true).outcome()).isEqualTo(ProvisionResult.Outcome.APPLIED);

        // An admin deletes our aor by hand and reloads res_pjsip.
        var f = pbx.configs().snapshot("pjsip.conf").orElseThrow();
        f.categories().removeIf(c -> c.name().equals("securetrunk-aor"));
        pbx.configs().save(f);
        pbx.reload("res_pjsip.so");

        ProvisionResult repaired = await(ProvisionResult.class,
                r -> r.outcome() == ProvisionResult.Outcome.APPLIED);
        assertThat(repaired.plan().orElseThrow().changes()).allMatch(c -> c.cat().equals("securetrunk-aor"));
        assertThat(pbx.configs().snapshot("pjsip.conf").orElseThrow().category("securetrunk-aor")).isPresent();
    }

    @Test
    void aFullyBootedLaterOnTriggersDiscoveryAgainButTheOneRightAfterLoginDoesNot() throws Exception {
        pbx = SimulatedPbx.start(AsteriskPersonality.V20);
        startBridge(SimulatedPbx.settings(pbx));
        await(ConnectionStatus.class, ConnectionStatus::connected);
        await(PbxIdentity.class, i -> true);
        Thread.sleep(300); // the FullyBooted sent with the login has been handled by now
        assertThat(heard).noneMatch(o -> o instanceof PbxIdentity);

        // Asterisk finished booting after we connected (e.g. we logged in during its start-up).
        pbx.publish(new com.securetrunk.testpbx.ami.AmiEvent("FullyBooted",
                com.securetrunk.testpbx.ami.EventClass.SYSTEM,
                com.securetrunk.testpbx.ami.AmiMessage.builder().add("Uptime", 1).add("LastReload", 1)
                        .add("Status", "Fully Booted").build()));
        assertThat(await(PbxIdentity.class, i -> true).asteriskVersion()).isEqualTo("20.20.1");
    }

    @Test
    void killingAndRestartingTheAmiServerLeadsToReconnectAndRecheck() throws Exception {
        pbx = SimulatedPbx.start(AsteriskPersonality.V13_8_CERT2);
        int port = pbx.amiAddress().getPort();
        startBridge(SimulatedPbx.settings(pbx).withTrunk(TrunkSpec.defaults(ChannelDriver.PJSIP, "127.0.0.1", 5080)));
        await(ConnectionStatus.class, ConnectionStatus::connected);
        PbxIdentity first = await(PbxIdentity.class, i -> true);
        assertThat(first.profileName()).contains(ProfileNames.ASTERISK_13_8_CERT2);
        assertThat(bridge.status().warnings()).extracting(PbxWarning::kind)
                .contains(PbxWarning.Kind.NO_SECURE_MEDIA_ON_PBX);
        await(ProvisionResult.class, r -> r.outcome() == ProvisionResult.Outcome.APPLIED);

        pbx.close(); // the PBX goes away: its config (held in memory) goes with it
        ConnectionStatus lost = await(ConnectionStatus.class,
                s -> s.state() == ConnectionStatus.State.WAITING_TO_RECONNECT);
        assertThat(lost.lastError()).hasValueSatisfying(e -> assertThat(e).contains("lost"));
        // While it is down the attempts fail and back off; the status says why.
        await(ConnectionStatus.class, s -> s.state() == ConnectionStatus.State.WAITING_TO_RECONNECT
                && s.attempt() >= 2 && s.lastError().orElse("").contains("cannot connect"));

        pbx = SimulatedPbx.start(AsteriskPersonality.V20, port); // upgraded while it was down
        await(ConnectionStatus.class, ConnectionStatus::connected);
        PbxIdentity second = await(PbxIdentity.class, i -> true);
        assertThat(second.asteriskVersion()).isEqualTo("20.20.1");
        assertThat(second.profileName()).contains(ProfileNames.ASTERISK_PJSIP_MODERN);
        ProvisionResult again = await(ProvisionResult.class, r -> true);
        assertThat(again.outcome()).as(again.message()).isEqualTo(ProvisionResult.Outcome.APPLIED);
        assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).isPresent();
        assertThat(bridge.status().connected()).isTrue();
        assertThat(bridge.status().warnings()).isEmpty();
    }

    @Test
    void aWrongSecretIsReportedAndRetriedWithoutEverShowingTheSecret() throws Exception {
        pbx = SimulatedPbx.start(AsteriskPersonality.V20);
        AmiSettings wrong = new AmiSettings("127.0.0.1", pbx.amiAddress().getPort(), SimulatedPbx.USER,
                Secret.of("not-the-secret", "ami.secret"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), Duration.ofSeconds(4), Duration.ofSeconds(30),
                SimulatedPbx.settings(pbx).backoff());
        startBridge(wrong);
        ConnectionStatus s = await(ConnectionStatus.class, x -> x.state() == ConnectionStatus.State.WAITING_TO_RECONNECT
                && x.attempt() >= 2);
        assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e)
                .contains("refused the AMI login of manager user 'securetrunk'", "manager.conf")
                .doesNotContain("not-the-secret"));
        assertThat(wrong.toString()).doesNotContain("not-the-secret");
    }
}
