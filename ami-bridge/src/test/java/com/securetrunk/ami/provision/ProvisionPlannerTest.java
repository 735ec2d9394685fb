package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.Secret;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.securetrunk.ami.provision.ConfigChange.Op.APPEND;
import static com.securetrunk.ami.provision.ConfigChange.Op.DELETE;
import static com.securetrunk.ami.provision.ConfigChange.Op.DEL_CAT;
import static com.securetrunk.ami.provision.ConfigChange.Op.NEW_CAT;
import static com.securetrunk.ami.provision.ConfigChange.Op.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisionPlannerTest {

    private static final TrunkSpec PJSIP = TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.10", 5060);
    private static final TrunkSpec CHAN_SIP = TrunkSpec.defaults(ChannelDriver.CHAN_SIP, "192.0.2.10", 5060);

    private static final ConfigSection TRANSPORT = new ConfigSection("transport-udp", List.of(
            ConfigEntry.of("type", "transport"), ConfigEntry.of("protocol", "udp"), ConfigEntry.of("bind", "0.0.0.0")));
    /** Not ours although it starts with the trunk name: only "securetrunk" and "securetrunk-*" are. */
    private static final ConfigSection LOOKALIKE = new ConfigSection("securetrunkx", List.of(
            ConfigEntry.of("type", "aor"), ConfigEntry.of("contact", "sip:198.51.100.1")));

    /**
     * Asterisk does not care about the order of distinct options, and the diff never reorders lines it keeps, so
     * convergence is checked per key: same values, in order, for every key.
     */
    private static java.util.Map<String, List<String>> byKey(ConfigSection s) {
        java.util.Map<String, List<String>> m = new java.util.TreeMap<>();
        s.entries().forEach(e -> m.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value()));
        return m;
    }

    private static List<Object> normalised(List<ConfigSection> sections) {
        return sections.stream().map(s -> (Object) List.of(s.name(), byKey(s))).toList();
    }

    private static ConfigFile file(String name, ConfigSection... s) {
        return new ConfigFile(name, List.of(s));
    }

    @Test
    void emptyFileGetsEveryCategoryCreatedAndNothingElseTouched() {
        ProvisionPlan plan = ProvisionPlan.of(file("pjsip.conf", TRANSPORT, LOOKALIKE), PJSIP);
        assertThat(plan.changes()).filteredOn(c -> c.op() == NEW_CAT).extracting(ConfigChange::cat)
                .containsExactly("securetrunk", "securetrunk-aor", "securetrunk-identify");
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.cat()).startsWith("securetrunk").isNotEqualTo(
                "securetrunkx"));
        assertThat(plan.after().section("transport-udp")).contains(TRANSPORT);
        assertThat(plan.after().section("securetrunkx")).contains(LOOKALIKE);
        assertThat(plan.steps()).last().satisfies(s -> assertThat(s.request().render())
                .isEqualTo("Action: Reload\nModule: res_pjsip.so\n\n"));
    }

    @Test
    void secondRunChangesNothing() {
        ProvisionPlan first = ProvisionPlan.of(file("sip.conf", TRANSPORT), CHAN_SIP);
        ProvisionPlan second = ProvisionPlan.of(first.after(), CHAN_SIP);
        assertThat(second.upToDate()).isTrue();
        assertThat(second.steps()).isEmpty();
    }

    @Test
    void aChangedSettingUpdatesOnlyThatKeyMatchedOnItsOldValue() {
        ConfigFile provisioned = ProvisionPlan.of(file("sip.conf"), CHAN_SIP).after();
        TrunkSpec moved = new TrunkSpec(CHAN_SIP.names(), CHAN_SIP.driver(), "192.0.2.10", 5080,
                CHAN_SIP.context(), CHAN_SIP.codecs(), CHAN_SIP.auth());
        ProvisionPlan plan = ProvisionPlan.of(provisioned, moved);
        assertThat(plan.changes()).containsExactly(
                new ConfigChange(UPDATE, "securetrunk", "port", "5080", "5060", false));
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).request().render()).isEqualTo("""
                Action: UpdateConfig
                SrcFilename: sip.conf
                DstFilename: sip.conf
                Reload: no
                Action-000000: Update
                Cat-000000: securetrunk
                Var-000000: port
                Value-000000: 5080
                Match-000000: 5060

                """);
    }

    @Test
    void keysAndCategoriesTheTrunkNoLongerWantsAreRemoved() {
        TrunkSpec withAuth = PJSIP.withAuth(new TrunkAuth("pbx1", Secret.of("pw", "test")));
        ConfigFile provisioned = ProvisionPlan.of(file("pjsip.conf"), withAuth).after();
        ProvisionPlan plan = ProvisionPlan.of(provisioned, PJSIP);
        assertThat(plan.changes()).containsExactly(
                ConfigChange.delete("securetrunk", ConfigEntry.of("outbound_auth", "securetrunk-auth")),
                ConfigChange.delCat("securetrunk-auth"));
        assertThat(plan.after().owned(PJSIP.names())).isEqualTo(TrunkSections.of(PJSIP));
    }

    @Test
    void adminEditsInsideOwnedCategoriesAreUndoneAndDuplicatesCollapsed() {
        List<ConfigEntry> edited = new ArrayList<>(TrunkSections.of(CHAN_SIP).get(0).entries());
        edited.add(ConfigEntry.of("nat", "force_rport"));
        edited.add(ConfigEntry.of("allow", "g729"));
        ConfigFile current = file("sip.conf", new ConfigSection("securetrunk", edited));
        ProvisionPlan plan = ProvisionPlan.of(current, CHAN_SIP);
        assertThat(plan.changes()).extracting(ConfigChange::op).containsExactly(DELETE, DELETE, APPEND, DELETE);
        assertThat(normalised(plan.after().owned(CHAN_SIP.names()))).isEqualTo(normalised(TrunkSections.of(CHAN_SIP)));
    }

    @Test
    void theSameDiffRestoresASnapshot() {
        ConfigFile before = file("sip.conf", TRANSPORT, new ConfigSection("securetrunk", List.of(
                ConfigEntry.of("type", "friend"), ConfigEntry.of("host", "198.51.100.7"))));
        ConfigFile after = ProvisionPlan.of(before, CHAN_SIP).after();
        ProvisionPlan back = ProvisionPlan.toward(after, before.owned(CHAN_SIP.names()), CHAN_SIP.names(),
                ChannelDriver.CHAN_SIP, false);
        assertThat(back.after()).isEqualTo(before);
        assertThat(back.steps()).noneMatch(s -> s.request().action().equals("Reload"));
    }

    @Test
    void randomOwnedStatesAlwaysConvergeInOnePlanAndLeaveOthersAlone() {
        long seed = Long.getLong("planner.seed", 20261126L);
        Random rnd = new Random(seed);
        String[] keys = {"type", "host", "port", "context", "allow", "nat", "qualify", "secret"};
        for (int round = 0; round < 300; round++) {
            List<ConfigSection> sections = new ArrayList<>();
            sections.add(TRANSPORT);
            String[] names = {"securetrunk", "securetrunk-aor", "securetrunk-old", "other", "securetrunkx"};
            for (String n : names) {
                if (rnd.nextBoolean()) {
                    List<ConfigEntry> es = new ArrayList<>();
                    for (int i = rnd.nextInt(6); i > 0; i--) {
                        es.add(ConfigEntry.of(keys[rnd.nextInt(keys.length)], "v" + rnd.nextInt(3)));
                    }
                    sections.add(new ConfigSection(n, es));
                }
            }
            ConfigFile current = new ConfigFile("sip.conf", sections);
            TrunkSpec spec = rnd.nextBoolean() ? CHAN_SIP : CHAN_SIP.withAuth(new TrunkAuth("u", Secret.of("p", "t")));
            ProvisionPlan plan = ProvisionPlan.of(current, spec);
            assertThat(normalised(plan.after().owned(spec.names()))).as("seed %d round %d", seed, round)
                    .isEqualTo(normalised(TrunkSections.of(spec)));
            assertThat(plan.after().sections().stream().filter(s -> !spec.names().owns(s.name())).toList())
                    .as("seed %d round %d", seed, round)
                    .isEqualTo(current.sections().stream().filter(s -> !spec.names().owns(s.name())).toList());
            assertThat(ProvisionPlan.of(plan.after(), spec).upToDate()).as("seed %d round %d", seed, round).isTrue();
            assertThat(plan.steps()).allSatisfy(s -> assertThat(s.request().headers().size())
                    .isLessThanOrEqualTo(AmiRequest.MAX_HEADERS));
        }
    }

    @Test
    void categoryNamesCompareIgnoringCaseAsAsteriskDoes() {
        ConfigFile current = file("sip.conf", new ConfigSection("SecureTrunk", TrunkSections.of(CHAN_SIP).get(0).entries()));
        assertThat(ProvisionPlan.of(current, CHAN_SIP).upToDate()).isTrue();
        assertThat(new ManagedNames("securetrunk").owns("SECURETRUNK-aor")).isTrue();
        assertThat(new ManagedNames("securetrunk").owns("securetrunkx")).isFalse();
    }

    @Test
    void refusesToPlanForACategoryItDoesNotOwn() {
        assertThatThrownBy(() -> ProvisionPlanner.diff(file("sip.conf"),
                List.of(new ConfigSection("general", List.of())), new ManagedNames("securetrunk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[general]").hasMessageContaining("refusing");
    }

    @Test
    void manyChangesAreSplitUnderTheAmiHeaderLimit() {
        List<String> codecs = new ArrayList<>();
        List<ConfigSection> wanted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            wanted.add(new ConfigSection("securetrunk-" + i, List.of(ConfigEntry.of("type", "aor"),
                    ConfigEntry.of("contact", "sip:192.0.2." + i))));
        }
        ProvisionPlan plan = ProvisionPlan.toward(file("pjsip.conf"), wanted, new ManagedNames("securetrunk"),
                ChannelDriver.PJSIP, true);
        assertThat(plan.changes()).hasSize(90);
        assertThat(plan.steps()).hasSize(6);
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.changes().size())
                .isLessThanOrEqualTo(ProvisionPlan.CHANGES_PER_ACTION));
        assertThat(codecs).isEmpty();
    }
}
