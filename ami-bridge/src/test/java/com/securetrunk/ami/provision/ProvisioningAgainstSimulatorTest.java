package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.Secret;
import com.securetrunk.ami.SimulatedPbx;
import com.securetrunk.ami.connection.AmiClient;
import com.securetrunk.ami.connection.AmiException;
import com.securetrunk.testpbx.asterisk.AsteriskPersonality;
import com.securetrunk.testpbx.asterisk.SimulatedAsterisk;
import com.securetrunk.testpbx.asterisk.Trunk;
import org.asteriskjava.manager.ManagerConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning through asterisk-java against the simulated Asterisk: the trunk is created and goes live after the
 * reload, a second run changes nothing, a changed setting changes only that line, a failure mid-way is rolled
 * back. Files are compared as the simulator renders them, so any stray change shows.
 */
class ProvisioningAgainstSimulatorTest {

    private static final String ADMIN_SIP_CONF = """
            [general]
            context=default
            udpbindaddr=127.0.0.1:5070
            transport=udp

            [phone100]
            type=friend
            host=dynamic
            context=internal
            """;

    private SimulatedAsterisk pbx;
    private ManagerConnection connection;

    private AmiClient connect(AsteriskPersonality p, String sipConf) throws Exception {
        return connect(p, sipConf, null);
    }

    private AmiClient connect(AsteriskPersonality p, String sipConf, String pjsipConf) throws Exception {
        var b = SimulatedAsterisk.builder(p).amiPort(0).sipPort(5070)
                .amiUser(SimulatedPbx.USER, SimulatedPbx.SECRET);
        if (sipConf != null) {
            b.sipConf(sipConf);
        }
        if (pjsipConf != null) {
            b.pjsipConf(pjsipConf);
        }
        pbx = b.start();
        connection = SimulatedPbx.login(pbx);
        return SimulatedPbx.client(connection);
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.logoff();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    private String file(String name) {
        return pbx.configs().snapshot(name).orElseThrow().render();
    }

    private static TrunkSpec trunk(ChannelDriver d) {
        return TrunkSpec.defaults(d, "127.0.0.1", 5080);
    }

    @ParameterizedTest
    @EnumSource(AsteriskPersonality.class)
    void createsThePjsipTrunkThenChangesNothingOnTheSecondRun(AsteriskPersonality p) throws Exception {
        AmiClient client = connect(p, null);
        String before = file("pjsip.conf");
        TrunkSpec spec = trunk(ChannelDriver.PJSIP).withAuth(new TrunkAuth("pbx1", Secret.of("pw1", "t")));

        ConfigFile read = client.getConfig("pjsip.conf");
        ProvisionResult first = new Provisioner(client).run(spec, false);
        assertThat(first.outcome()).as(first.message()).isEqualTo(ProvisionResult.Outcome.APPLIED);
        assertThat(first.plan().orElseThrow().steps()).hasSize(3); // 2 UpdateConfig batches + Reload
        String after = file("pjsip.conf");
        ConfigFile reread = client.getConfig("pjsip.conf");
        assertThat(reread.owned(spec.names())).isEqualTo(TrunkSections.of(spec).stream()
                .map(sec -> new ConfigSection(sec.name(), sec.entries().stream()
                        .map(e -> ConfigEntry.parseLine(e.key() + "=" + e.value())).toList())).toList());
        assertThat(reread.sections().get(0)).isEqualTo(read.sections().get(0)); // transport-udp untouched
        assertThat(after).contains("[securetrunk-auth]", "contact = sip:127.0.0.1:5080", "password = pw1");
        assertThat(before).doesNotContain("securetrunk");
        assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).as("live after the reload").isPresent();

        ProvisionResult second = new Provisioner(client).run(spec, false);
        assertThat(second.outcome()).isEqualTo(ProvisionResult.Outcome.UP_TO_DATE);
        assertThat(second.plan().orElseThrow().steps()).isEmpty();
        assertThat(file("pjsip.conf")).isEqualTo(after);
    }

    @Test
    void aChangedSettingUpdatesOnlyThatLineAndLeavesTheAdminsSectionsAlone() throws Exception {
        AmiClient client = connect(AsteriskPersonality.V20, ADMIN_SIP_CONF);
        TrunkSpec spec = trunk(ChannelDriver.CHAN_SIP);
        assertThat(new Provisioner(client).run(spec, false).outcome()).isEqualTo(ProvisionResult.Outcome.APPLIED);
        List<String> before = file("sip.conf").lines().toList();
        assertThat(pbx.liveTrunk(Trunk.Driver.SIP, "securetrunk")).hasValueSatisfying(t ->
                assertThat(t.port()).isEqualTo(5080));

        TrunkSpec moved = new TrunkSpec(spec.names(), spec.driver(), "127.0.0.1", 5090, spec.context(),
                spec.codecs(), spec.auth());
        ProvisionResult r = new Provisioner(client).run(moved, false);
        assertThat(r.outcome()).isEqualTo(ProvisionResult.Outcome.APPLIED);
        assertThat(r.plan().orElseThrow().changes()).containsExactly(
                new ConfigChange(ConfigChange.Op.UPDATE, "securetrunk", "port", "5090", "5080", false));

        List<String> after = file("sip.conf").lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<Integer> differing = new java.util.ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                differing.add(i);
            }
        }
        assertThat(differing).hasSize(1);
        assertThat(after.get(differing.get(0))).isEqualTo("port = 5090");
        assertThat(file("sip.conf")).contains("[phone100]\ntype = friend\nhost = dynamic\ncontext = internal");
        assertThat(pbx.liveTrunk(Trunk.Driver.SIP, "securetrunk")).hasValueSatisfying(t ->
                assertThat(t.port()).isEqualTo(5090));
    }

    @Test
    void aFailureMidwayIsRolledBackAndNamesTheStepAndAsterisksAnswer() throws Exception {
        // An older trunk of ours is there with options an admin added: rollback must restore its values, not just
        // delete what we created. 15 stale options push the endpoint's changes past one UpdateConfig.
        StringBuilder old = new StringBuilder("[transport-udp]\ntype=transport\nprotocol=udp\nbind=127.0.0.1:5070\n"
                + "\n[securetrunk]\ntype=endpoint\n");
        for (int i = 0; i < 15; i++) {
            old.append("set_var=OLD").append(i).append("=x\n");
        }
        old.append("\n[securetrunk-aor]\ntype=aor\ncontact=sip:127.0.0.1:5060\n");
        AmiClient real = connect(AsteriskPersonality.V16, null, old.toString());
        TrunkSpec wanted = trunk(ChannelDriver.PJSIP);
        ConfigFile before = real.getConfig("pjsip.conf");
        ProvisionPlan plan = ProvisionPlan.of(before, wanted);
        assertThat(plan.steps()).hasSize(3);
        assertThat(plan.steps().get(1).changes()).anyMatch(c -> c.cat().equals("securetrunk-aor"));

        // Between our first and second UpdateConfig someone else removes [securetrunk-aor] (a concurrent edit of
        // the simulator's config store); our second action then updates a category that is gone.
        AmiClient interleaved = new AmiClient() {
            private int sent;

            @Override
            public List<String> coreSettings() throws AmiException {
                return real.coreSettings();
            }

            @Override
            public List<String> command(String cli) throws AmiException {
                return real.command(cli);
            }

            @Override
            public ConfigFile getConfig(String filename) throws AmiException {
                return real.getConfig(filename);
            }

            @Override
            public void send(AmiRequest request) throws AmiException {
                real.send(request);
                if (++sent == 1) {
                    var f = pbx.configs().snapshot("pjsip.conf").orElseThrow();
                    f.categories().removeIf(c -> c.name().equals("securetrunk-aor"));
                    pbx.configs().save(f);
                }
            }
        };
        ProvisionResult r = new Provisioner(interleaved).run(wanted, false);

        assertThat(r.outcome()).as(r.message()).isEqualTo(ProvisionResult.Outcome.FAILED_ROLLED_BACK);
        assertThat(r.failedStep()).hasValueSatisfying(s -> assertThat(s.number()).isEqualTo(2));
        assertThat(r.asteriskAnswer()).contains("Given category does not exist");
        assertThat(r.message()).startsWith("Provisioning pjsip.conf failed at step 2 (UpdateConfig pjsip.conf, ")
                .contains("Asterisk refused UpdateConfig: Given category does not exist", "Rolled back");
        assertThat(r.rollback()).isNotEmpty();
        assertThat(r.rollback()).noneMatch(s -> s.request().action().equals("Reload")); // nothing went live

        ConfigFile now = real.getConfig("pjsip.conf");
        assertThat(byKey(now.section("securetrunk").orElseThrow()))
                .isEqualTo(byKey(before.section("securetrunk").orElseThrow()));
        assertThat(now.section("securetrunk-aor")).isEqualTo(before.section("securetrunk-aor"));
        assertThat(now.section("securetrunk-identify")).isEmpty();
        assertThat(now.section("transport-udp")).isEqualTo(before.section("transport-udp"));
        assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).hasValueSatisfying(t ->
                assertThat(t.port()).isEqualTo(5060)); // the live config never saw the half-done change
    }

    private static java.util.Map<String, List<String>> byKey(ConfigSection s) {
        java.util.Map<String, List<String>> m = new java.util.TreeMap<>();
        s.entries().forEach(e -> m.computeIfAbsent(e.key(), k -> new java.util.ArrayList<>()).add(e.value()));
        return m;
    }

    @Test
    void dryRunSendsNothing() throws Exception {
        AmiClient client = connect(AsteriskPersonality.V13_8_CERT2, null);
        String before = file("pjsip.conf");
        ProvisionResult r = new Provisioner(client).run(trunk(ChannelDriver.PJSIP), true);
        assertThat(r.outcome()).isEqualTo(ProvisionResult.Outcome.DRY_RUN);
        assertThat(DryRunReport.render(r.plan().orElseThrow())).contains("Action: UpdateConfig", "[securetrunk-aor]");
        assertThat(file("pjsip.conf")).isEqualTo(before);
        assertThat(pbx.liveTrunk(Trunk.Driver.PJSIP, "securetrunk")).isEmpty();
    }
}
