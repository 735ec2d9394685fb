package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.Secret;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact output of {@code securetrunk asterisk config} (the drop-in trunk) and {@code provision --dry-run} (the plan).
 * The golden files under {@code src/test/resources/golden/} were reviewed by hand; a change to the output must
 * change them on purpose.
 */
class GoldenOutputTest {

    private static final TrunkSpec PJSIP = TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.10", 5060);
    private static final TrunkSpec CHAN_SIP = TrunkSpec.defaults(ChannelDriver.CHAN_SIP, "192.0.2.10", 5060);
    private static final TrunkAuth AUTH = new TrunkAuth("pbx1", Secret.of("s3cret!", "test"));
    private static final ConfigFile PJSIP_CONF = new ConfigFile("pjsip.conf", List.of(new ConfigSection(
            "transport-udp", List.of(ConfigEntry.of("type", "transport"), ConfigEntry.of("protocol", "udp"),
            ConfigEntry.of("bind", "0.0.0.0")))));

    static String golden(String name) throws IOException {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dropInPjsip() throws IOException {
        assertThat(DropInTrunk.render(PJSIP, "asterisk-pjsip-modern")).isEqualTo(golden("dropin-pjsip.txt"));
    }

    @Test
    void dropInChanSipWithAuth() throws IOException {
        assertThat(DropInTrunk.render(CHAN_SIP.withAuth(AUTH), "asterisk-chan_sip"))
                .isEqualTo(golden("dropin-chan_sip-auth.txt"));
    }

    @Test
    void dryRunCreatingATrunkWithAuth() throws IOException {
        assertThat(DryRunReport.render(ProvisionPlan.of(PJSIP_CONF, PJSIP.withAuth(AUTH))))
                .isEqualTo(golden("dryrun-pjsip-create-auth.txt"));
    }

    @Test
    void dryRunWhenUpToDate() throws IOException {
        ConfigFile provisioned = ProvisionPlan.of(PJSIP_CONF, PJSIP).after();
        assertThat(DryRunReport.render(ProvisionPlan.of(provisioned, PJSIP)))
                .isEqualTo(golden("dryrun-pjsip-uptodate.txt"));
    }

    @Test
    void dryRunOfAChangedPort() throws IOException {
        ConfigFile provisioned = ProvisionPlan.of(PJSIP_CONF, PJSIP).after();
        TrunkSpec moved = new TrunkSpec(PJSIP.names(), PJSIP.driver(), "192.0.2.10", 5080, PJSIP.context(),
                PJSIP.codecs(), PJSIP.auth());
        assertThat(DryRunReport.render(ProvisionPlan.of(provisioned, moved)))
                .isEqualTo(golden("dryrun-pjsip-port-change.txt"));
    }
}
