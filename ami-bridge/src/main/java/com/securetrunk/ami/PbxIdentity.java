package com.securetrunk.ami;

import java.util.Optional;
import java.util.Set;

/**
 * What discovery learnt about the PBX on the last (re)connect.
 *
 * @param asteriskVersion {@code AsteriskVersion} from {@code CoreSettings}, verbatim (e.g. {@code 13.8-cert2}, {@code 20.5.0})
 * @param amiVersion      {@code AMIversion} from {@code CoreSettings} (e.g. {@code 2.8.0})
 * @param loadedDrivers   SIP channel drivers found running ({@code module show like ...})
 * @param pjprojectVersion the pjproject res_pjsip runs against ({@code pjsip show version}), when res_pjsip is loaded
 * @param driver          the driver the trunk is (or would be) provisioned for
 * @param profileName     the compatibility profile this PBX maps to; empty when no SIP driver is loaded
 */
public record PbxIdentity(String asteriskVersion, String amiVersion, Set<ChannelDriver> loadedDrivers,
                          Optional<String> pjprojectVersion, Optional<ChannelDriver> driver,
                          Optional<String> profileName) {

    public PbxIdentity {
        loadedDrivers = Set.copyOf(loadedDrivers);
    }

    /** One line for logs and the status endpoint. */
    public String summary() {
        String drivers = loadedDrivers.isEmpty() ? "none" : loadedDrivers.stream().sorted()
                .map(ChannelDriver::cliName).reduce((a, b) -> a + " and " + b).orElse("");
        return "Asterisk " + asteriskVersion + " (AMI " + amiVersion + "); running " + drivers
                + pjprojectVersion.map(v -> "; pjproject " + v).orElse("")
                + "; trunk driver " + driver.map(ChannelDriver::cliName).orElse("none")
                + "; profile " + profileName.orElse("none");
    }
}
