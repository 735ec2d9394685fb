package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the probe read from the PBX, before any interpretation.
 *
 * @param asteriskVersion  {@code CoreSettings} {@code AsteriskVersion}
 * @param amiVersion       {@code CoreSettings} {@code AMIversion}
 * @param runningDrivers   drivers {@code module show like} listed as running
 * @param driversChecked   false when {@code module show like} could not run (no {@code command} permission), so
 *                         runningDrivers says nothing
 * @param pjprojectVersion {@code pjsip show version}, when res_pjsip runs and the command answered
 * @param problems         steps that failed, in words (e.g. "Command 'pjsip show version': Permission denied")
 */
public record DiscoveryFacts(String asteriskVersion, String amiVersion, Set<ChannelDriver> runningDrivers,
                             boolean driversChecked, Optional<String> pjprojectVersion, List<String> problems) {

    public DiscoveryFacts {
        runningDrivers = Set.copyOf(runningDrivers);
        problems = List.copyOf(problems);
    }

    /** Facts whose driver check ran. */
    public DiscoveryFacts(String asteriskVersion, String amiVersion, Set<ChannelDriver> runningDrivers,
                          Optional<String> pjprojectVersion, List<String> problems) {
        this(asteriskVersion, amiVersion, runningDrivers, true, pjprojectVersion, problems);
    }
}
