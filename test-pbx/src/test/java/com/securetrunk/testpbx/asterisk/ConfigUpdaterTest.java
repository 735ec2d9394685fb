package com.securetrunk.testpbx.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.ami.AmiMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UpdateConfig semantics of manager.c {@code handle_updates}, edge cases included. */
class ConfigUpdaterTest {

    private static ConfigFile sipConf() {
        return ConfigText.parse("sip.conf", TranscriptFixtures.SIP_CONF);
    }

    private static AmiMessage changes(String... headers) {
        AmiMessage.Builder b = AmiMessage.builder().add("Action", "UpdateConfig");
        for (int i = 0; i < headers.length; i += 2) {
            b.add(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void appendUpdateDeleteRenameAndDelete() {
        ConfigFile f = sipConf();
        Optional<ConfigUpdateError> e = ConfigUpdater.apply(f, changes(
                "Action-000000", "NewCat", "Cat-000000", "gw2",
                "Action-000001", "Append", "Cat-000001", "gw2", "Var-000001", "allow", "Value-000001", "ulaw",
                "Action-000002", "Append", "Cat-000002", "gw2", "Var-000002", "allow", "Value-000002", "alaw",
                "Action-000003", "Append", "Cat-000003", "gw2", "Var-000003", "host", "Value-000003", "10.0.0.1",
                "Action-000004", "Update", "Cat-000004", "GW2", "Var-000004", "HOST", "Value-000004", "127.0.0.1",
                "Action-000005", "Delete", "Cat-000005", "gw2", "Var-000005", "allow", "Match-000005", "alaw",
                "Action-000006", "RenameCat", "Cat-000006", "gw2", "Value-000006", "gw3",
                "Action-000007", "DelCat", "Cat-000007", "gw"));
        assertThat(e).isEmpty();
        assertThat(f.categories()).extracting(ConfigCategory::name).containsExactly("general", "gw3");
        assertThat(f.category("gw3").orElseThrow().variables()).containsExactly(
                new ConfigVariable("allow", "ulaw"), new ConfigVariable("host", "127.0.0.1"));
    }

    @Test
    void updateWithMatchChangesOnlyTheMatchingDuplicate() {
        ConfigFile f = sipConf();
        assertThat(ConfigUpdater.apply(f, changes("Action-000000", "Update", "Cat-000000", "gw",
                "Var-000000", "allow", "Value-000000", "g722", "Match-000000", "alaw"))).isEmpty();
        assertThat(f.category("gw").orElseThrow().variables()).filteredOn(v -> v.name().equals("allow"))
                .extracting(ConfigVariable::value).containsExactly("ulaw", "g722");
    }

    @Test
    void deleteWithoutMatchRemovesEveryDuplicate() {
        ConfigFile f = sipConf();
        assertThat(ConfigUpdater.apply(f, changes("Action-000000", "Delete", "Cat-000000", "gw",
                "Var-000000", "allow"))).isEmpty();
        assertThat(f.category("gw").orElseThrow().get("allow")).isEmpty();
    }

    @Test
    void processingStopsAtTheFirstMissingActionNumber() {
        ConfigFile f = sipConf();
        assertThat(ConfigUpdater.apply(f, changes(
                "Action-000000", "NewCat", "Cat-000000", "a",
                "Action-000002", "NewCat", "Cat-000002", "c"))).isEmpty();
        assertThat(f.category("a")).isPresent();
        assertThat(f.category("c")).isEmpty();
    }

    @Test
    void eachErrorHasAsterisksWording() {
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Frobnicate", "Cat-000000", "gw")))
                .contains(ConfigUpdateError.UNKNOWN_ACTION);
        assertThat(ConfigUpdateError.UNKNOWN_ACTION.message()).isEqualTo("Unknown action command");
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Append", "Var-000000", "x")))
                .contains(ConfigUpdateError.UNSPECIFIED_CATEGORY);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Append", "Cat-000000", "nope",
                "Var-000000", "x", "Value-000000", "y"))).contains(ConfigUpdateError.UNKNOWN_CATEGORY);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Append", "Cat-000000", "gw")))
                .contains(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "RenameCat", "Cat-000000", "gw")))
                .contains(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "NewCat", "Cat-000000", "GW")))
                .contains(ConfigUpdateError.FAILURE_NEWCAT);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Update", "Cat-000000", "gw",
                "Var-000000", "nosuchvar", "Value-000000", "1"))).contains(ConfigUpdateError.FAILURE_UPDATE);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "Delete", "Cat-000000", "gw",
                "Var-000000", "allow", "Match-000000", "g729"))).contains(ConfigUpdateError.FAILURE_DELETE);
        assertThat(ConfigUpdater.apply(sipConf(), changes("Action-000000", "DelCat", "Cat-000000", "nope")))
                .contains(ConfigUpdateError.UNKNOWN_CATEGORY);
        assertThat(ConfigUpdateError.UNKNOWN_CATEGORY.message()).isEqualTo("Given category does not exist");
        assertThat(ConfigUpdateError.UNSPECIFIED_CATEGORY.message()).isEqualTo("Category not specified");
        assertThat(ConfigUpdateError.UNSPECIFIED_ARGUMENT.message())
                .isEqualTo("Problem with category, value, or line (if required)");
    }

    @Test
    void insertAndEmptyCatAndObjectValues() {
        ConfigFile f = sipConf();
        assertThat(ConfigUpdater.apply(f, changes(
                "Action-000000", "Insert", "Cat-000000", "gw", "Var-000000", "first", "Value-000000", "1",
                "Line-000000", "0",
                "Action-000001", "Append", "Cat-000001", "general", "Var-000001", "register",
                "Value-000001", ">user@host",
                "Action-000002", "EmptyCat", "Cat-000002", "general"))).isEmpty();
        assertThat(f.category("gw").orElseThrow().variables().get(0)).isEqualTo(new ConfigVariable("first", "1"));
        assertThat(f.category("general").orElseThrow().variables()).isEmpty();
    }

    @Test
    void configTextRefusesWhatItCannotReadWithTheLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigText.parse("sip.conf",
                "[general]\nbindport=5060\n#include extra.conf\n"))
                .hasMessage("sip.conf:3: expected key=value (no #include/#exec), found '#include extra.conf'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigText.parse("sip.conf", "host=1\n"))
                .hasMessageContaining("sip.conf:1: expected a [category] before the first key=value");
    }
}
