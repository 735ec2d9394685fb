package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures follow main/loader.c's MODLIST_FORMAT per version and res_pjsip's pjsip_cli.c. */
class CliOutputTest {

    // Asterisk 16+: module, description, use count, status, support level
    private static final List<String> CHAN_SIP_20 = List.of(
            "Module                         Description                              Use Count  Status      Support Level",
            "chan_sip.so                    Session Initiation Protocol (SIP)        0          Running          extended",
            "1 modules loaded");

    // Asterisk 13 returns CLI text as one block with \n line ends (Response: Follows framing)
    private static final List<String> RES_PJSIP_13_ONE_BLOCK = List.of(
            "Module                         Description                              Use Count  Status      Support Level\n"
                    + "res_pjsip.so                   Basic SIP resource                       47         Running              core\n"
                    + "res_pjsip_session.so           PJSIP Session resource                   12         Running              core\n"
                    + "2 modules loaded\n--END COMMAND--");

    @Test
    void findsARunningModuleInEitherFraming() {
        assertThat(CliOutput.moduleRunning(CHAN_SIP_20, ChannelDriver.CHAN_SIP)).isTrue();
        assertThat(CliOutput.moduleRunning(CHAN_SIP_20, ChannelDriver.PJSIP)).isFalse();
        assertThat(CliOutput.moduleRunning(RES_PJSIP_13_ONE_BLOCK, ChannelDriver.PJSIP)).isTrue();
    }

    @Test
    void submodulesDoNotCountAsTheDriver() {
        List<String> onlySession = List.of(
                "res_pjsip_session.so           PJSIP Session resource                   0          Running              core",
                "1 modules loaded");
        assertThat(CliOutput.moduleRunning(onlySession, ChannelDriver.PJSIP)).isFalse();
    }

    @Test
    void notRunningAndNoModulesMeanNotLoaded() {
        assertThat(CliOutput.moduleRunning(List.of(
                "chan_sip.so                    Session Initiation Protocol (SIP)        0          Not Running      extended",
                "1 modules loaded"), ChannelDriver.CHAN_SIP)).isFalse();
        assertThat(CliOutput.moduleRunning(List.of("0 modules loaded"), ChannelDriver.CHAN_SIP)).isFalse();
        assertThat(CliOutput.moduleRunning(List.of(), ChannelDriver.CHAN_SIP)).isFalse();
    }

    @Test
    void readsThePjprojectVersion() {
        assertThat(CliOutput.pjprojectVersion(List.of("PJPROJECT version currently running against: 2.5")))
                .contains("2.5");
        assertThat(CliOutput.pjprojectVersion(List.of("PJPROJECT version currently running against: 2.14.1\n")))
                .contains("2.14.1");
        assertThat(CliOutput.pjprojectVersion(List.of("No such command 'pjsip show version'"))).isEmpty();
    }

    @Test
    void readsCoreShowVersion() {
        assertThat(CliOutput.coreShowVersion(List.of(
                "Asterisk 20.20.1 built by root @ vm on a x86_64 running Linux on 2026-11-26 15:31:34 UTC")))
                .contains("20.20.1");
    }
}
