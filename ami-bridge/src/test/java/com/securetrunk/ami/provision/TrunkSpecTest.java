package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values end up in AMI headers and config lines: anything that could inject a header or a line is refused. */
class TrunkSpecTest {

    @Test
    void refusesHeaderAndConfigInjection() {
        assertThatThrownBy(() -> TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.1\r\nAction: Command", 5060))
                .hasMessageContaining("gateway host");
        assertThatThrownBy(() -> TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.1", 5060).withContext("a;b"))
                .hasMessageContaining("context");
        assertThatThrownBy(() -> new TrunkAuth("user\nx", Secret.of("p", "t"))).hasMessageContaining("auth username");
        assertThatThrownBy(() -> new TrunkAuth("user", Secret.of("p;x", "t")))
                .hasMessageContaining("auth password").hasMessageNotContaining("p;x");
        assertThatThrownBy(() -> TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.1", 70000))
                .hasMessageContaining("1..65535");
        assertThatThrownBy(() -> new ManagedNames("bad name")).hasMessageContaining("trunk name");
        assertThatThrownBy(() -> TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.1", 5060).withCodecs(List.of()))
                .hasMessageContaining("codecs");
    }

    @Test
    void driverNamesParseAsOperatorsWriteThem() {
        assertThat(ChannelDriver.fromName("pjsip")).isEqualTo(ChannelDriver.PJSIP);
        assertThat(ChannelDriver.fromName("chan_sip")).isEqualTo(ChannelDriver.CHAN_SIP);
        assertThatThrownBy(() -> ChannelDriver.fromName("iax2"))
                .hasMessage("driver: expected pjsip or chan_sip, found 'iax2'");
    }

    @Test
    void secretsNeverPrint() {
        Secret s = Secret.of("hunter2", "ami.secret");
        assertThat(s.toString()).isEqualTo("********");
        TrunkSpec spec = TrunkSpec.defaults(ChannelDriver.PJSIP, "192.0.2.1", 5060)
                .withAuth(new TrunkAuth("pbx", s));
        assertThat(spec.toString()).doesNotContain("hunter2");
        assertThat(DropInTrunk.render(spec, "p")).doesNotContain("hunter2");
        ProvisionPlan plan = ProvisionPlan.of(new ConfigFile("pjsip.conf", List.of()), spec);
        assertThat(DryRunReport.render(plan)).doesNotContain("hunter2");
        assertThat(plan.changes().toString()).doesNotContain("hunter2");
        assertThat(plan.steps().stream().flatMap(st -> st.request().headers().stream()))
                .anyMatch(h -> h.value().equals("hunter2")) // the wire needs it ...
                .noneMatch(h -> h.toString().contains("hunter2")); // ... no printout shows it
        assertThat(plan.steps().toString()).doesNotContain("hunter2");
        assertThat(plan.changes()).extracting(ConfigChange::describe).noneMatch(d -> d.contains("hunter2"));
        assertThat(ConfigEntry.parseLine("secret=hunter2").printableValue()).isEqualTo("********");
        assertThatThrownBy(() -> Secret.of("", "ami.secret")).hasMessageContaining("ami.secret");
        assertThat(Optional.of(s).toString()).doesNotContain("hunter2");
    }
}
