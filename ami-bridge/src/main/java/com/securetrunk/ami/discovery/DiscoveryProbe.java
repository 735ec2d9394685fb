package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.connection.AmiClient;
import com.securetrunk.ami.connection.AmiException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the discovery facts over AMI: {@code CoreSettings}, then {@code module show like chan_sip} /
 * {@code module show like res_pjsip}, then {@code pjsip show version} when res_pjsip runs. Only CoreSettings is
 * required; a refused CLI command becomes a recorded problem (the bridge user may lack the {@code command} class).
 */
public final class DiscoveryProbe {

    private DiscoveryProbe() {
    }

    public static DiscoveryFacts read(AmiClient client) throws AmiException {
        List<String> core = client.coreSettings();
        Set<ChannelDriver> running = EnumSet.noneOf(ChannelDriver.class);
        List<String> problems = new ArrayList<>();
        boolean checked = true;
        for (ChannelDriver d : ChannelDriver.values()) {
            String cli = "module show like " + d.module().replace(".so", "");
            try {
                if (CliOutput.moduleRunning(client.command(cli), d)) {
                    running.add(d);
                }
            } catch (AmiException e) {
                problems.add(e.getMessage());
                checked = false;
            }
        }
        Optional<String> pjproject = Optional.empty();
        if (running.contains(ChannelDriver.PJSIP)) {
            try {
                pjproject = CliOutput.pjprojectVersion(client.command("pjsip show version"));
                if (pjproject.isEmpty()) {
                    problems.add("'pjsip show version' printed no version line");
                }
            } catch (AmiException e) {
                problems.add(e.getMessage());
            }
        }
        return new DiscoveryFacts(core.get(0), core.get(1), running, checked, pjproject, problems);
    }
}
