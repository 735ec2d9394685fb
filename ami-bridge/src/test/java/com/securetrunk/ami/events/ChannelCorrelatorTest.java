package com.securetrunk.ami.events;

import com.securetrunk.ami.ChannelHangup;
import com.securetrunk.ami.provision.ManagedNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelCorrelatorTest {

    private final ChannelCorrelator c = new ChannelCorrelator(new ManagedNames("securetrunk"), 3);

    @Test
    void varSetThenHangupYieldsTheCallIdOnce() {
        assertThat(c.onVarSet("SIP/securetrunk-00000001", "1795707863.1", "1795707863.0", "SIPCALLID", "abc@192.0.2.1"))
                .contains("abc@192.0.2.1");
        assertThat(c.onVarSet("SIP/securetrunk-00000001", "1795707863.1", "1795707863.0", "SIPCALLID", "abc@192.0.2.1"))
                .isEmpty();
        assertThat(c.onHangup("SIP/securetrunk-00000001", "1795707863.1", "1795707863.0", 16, "Normal Clearing"))
                .contains(new ChannelHangup("abc@192.0.2.1", "SIP/securetrunk-00000001", "1795707863.1",
                        "1795707863.0", 16, "Normal Clearing"));
        assertThat(c.onHangup("SIP/securetrunk-00000001", "1795707863.1", "1795707863.0", 16, "")).isEmpty();
        assertThat(c.size()).isZero();
    }

    @Test
    void pjsipChannelsUseTheDialplanVariable() {
        assertThat(c.onVarSet("PJSIP/securetrunk-0000000a", "u1", "l1", "SECURETRUNK_CALLID", "x-1")).contains("x-1");
        assertThat(c.onHangup("PJSIP/securetrunk-0000000a", "u1", null, null, null))
                .hasValueSatisfying(h -> {
                    assertThat(h.linkedId()).isEqualTo("l1");
                    assertThat(h.cause()).isEqualTo(-1);
                });
    }

    @Test
    void channelsOffTheTrunkAndOtherVariablesAreIgnored() {
        assertThat(c.onVarSet("SIP/phone1-00000001", "u1", "l1", "SIPCALLID", "x")).isEmpty();
        assertThat(c.onVarSet("SIP/securetrunkx-00000001", "u2", "l2", "SIPCALLID", "x")).isEmpty();
        assertThat(c.onVarSet("IAX2/securetrunk-1", "u3", "l3", "SIPCALLID", "x")).isEmpty();
        assertThat(c.onVarSet("SIP/securetrunk-00000001", "u4", "l4", "DIALSTATUS", "ANSWER")).isEmpty();
        assertThat(c.onVarSet(null, null, null, null, null)).isEmpty();
        assertThat(c.onHangup("SIP/phone1-00000001", "u1", "l1", 16, "")).isEmpty();
        assertThat(c.uncorrelatedHangups()).isZero();
        assertThat(c.onHangup("SIP/securetrunk-00000009", "u9", "l9", 16, "")).isEmpty();
        assertThat(c.uncorrelatedHangups()).isEqualTo(1);
    }

    @Test
    void theTableIsBoundedOldestFirst() {
        for (int i = 0; i < 5; i++) {
            c.onVarSet("SIP/securetrunk-" + i, "u" + i, "l" + i, "SIPCALLID", "call" + i);
        }
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.evicted()).isEqualTo(2);
        assertThat(c.snapshot()).containsOnlyKeys("u2", "u3", "u4");
    }
}
