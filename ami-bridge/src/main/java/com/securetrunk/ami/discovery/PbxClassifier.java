package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;
import com.securetrunk.ami.PbxIdentity;
import com.securetrunk.ami.PbxWarning;
import com.securetrunk.ami.PbxWarning.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps discovery facts to a driver, a profile name and warnings. Pure: no I/O.
 *
 * <p>Rules (sources: compat-notes §3.1, §3.2, §3.6; Twilio's Secure Media notes):
 * <ul>
 *   <li>driver: the configured one; otherwise res_pjsip when it runs, else chan_sip when it runs;</li>
 *   <li>res_pjsip on pjproject older than 2.5.5 (the 2.5 bundled with 13.8-cert1..4 and 13.10) maps to
 *       {@value ProfileNames#ASTERISK_13_8_CERT2}; newer pjproject to {@value ProfileNames#ASTERISK_PJSIP_MODERN};
 *       chan_sip to {@value ProfileNames#ASTERISK_CHAN_SIP};</li>
 *   <li>when {@code pjsip show version} could not be read, the pjproject version is inferred from the Asterisk
 *       version's bundled one (13.8-certN, 13.8.x to 13.10.x: older than 2.5.5) and a warning says so.</li>
 * </ul>
 */
public final class PbxClassifier {

    private static final VersionNumber PJPROJECT_FIRST_GOOD = VersionNumber.parse("2.5.5").orElseThrow();

    private PbxClassifier() {
    }

    /**
     * @param facts             what the probe read
     * @param configuredDriver  the driver the operator configured, if any
     * @param configuredProfile the profile the operator configured, if any
     */
    public static Discovery classify(DiscoveryFacts facts, Optional<ChannelDriver> configuredDriver,
                                     Optional<String> configuredProfile) {
        List<PbxWarning> warnings = new ArrayList<>();
        Optional<VersionNumber> asterisk = VersionNumber.parse(facts.asteriskVersion());

        Optional<ChannelDriver> driver = chooseDriver(facts, configuredDriver, warnings);
        boolean pjprojectInferred = facts.pjprojectVersion().isEmpty()
                && facts.runningDrivers().contains(ChannelDriver.PJSIP) && bundledPjproject(asterisk).isPresent();
        Optional<String> pjproject = pjprojectInferred ? bundledPjproject(asterisk) : facts.pjprojectVersion();

        Optional<String> profile = driver.map(d -> profileFor(d, pjproject));
        if (driver.orElse(null) == ChannelDriver.PJSIP) {
            insecureResPjsipWarnings(facts, asterisk, pjproject, pjprojectInferred, warnings);
        }
        if (configuredProfile.isPresent() && profile.isPresent()
                && !configuredProfile.get().equals(profile.get())
                && !configuredProfile.get().equals(ProfileNames.FREEPBX)) {
            warnings.add(new PbxWarning(Kind.PROFILE_MISMATCH,
                    "The configuration names profile '" + configuredProfile.get() + "', but the PBX looks like '"
                            + profile.get() + "' (" + describe(facts, pjproject) + "). SecureTrunk keeps using '"
                            + configuredProfile.get() + "' as configured; if the PBX was upgraded or changed, set "
                            + "the profile to '" + profile.get() + "' or remove it to use the discovered one."));
        }
        for (String problem : facts.problems()) {
            warnings.add(new PbxWarning(Kind.DISCOVERY_INCOMPLETE, "Discovery could not read everything: "
                    + problem + ". Check the manager.conf permissions (see docs/asterisk.md)."));
        }
        PbxIdentity identity = new PbxIdentity(facts.asteriskVersion(), facts.amiVersion(), facts.runningDrivers(),
                pjproject, driver, profile);
        return new Discovery(identity, warnings);
    }

    private static Optional<ChannelDriver> chooseDriver(DiscoveryFacts facts, Optional<ChannelDriver> configured,
                                                        List<PbxWarning> warnings) {
        if (configured.isPresent()) {
            if (facts.driversChecked() && !facts.runningDrivers().contains(configured.get())) {
                warnings.add(new PbxWarning(Kind.DRIVER_NOT_LOADED, "The configuration asks for a "
                        + configured.get().cliName() + " trunk, but " + configured.get().module()
                        + " is not running on this PBX (running: " + names(facts) + "). Load the module "
                        + "(module load " + configured.get().module() + ") or configure the other driver."));
            }
            return configured;
        }
        if (facts.runningDrivers().contains(ChannelDriver.PJSIP)) {
            return Optional.of(ChannelDriver.PJSIP);
        }
        if (facts.runningDrivers().contains(ChannelDriver.CHAN_SIP)) {
            return Optional.of(ChannelDriver.CHAN_SIP);
        }
        if (!facts.driversChecked()) {
            warnings.add(new PbxWarning(Kind.NO_SIP_DRIVER, "Could not check which SIP driver this PBX runs "
                    + "(the AMI user may not run CLI commands), so no trunk driver was chosen. Either grant the "
                    + "'command' class or configure the driver (pjsip or chan_sip)."));
            return Optional.empty();
        }
        warnings.add(new PbxWarning(Kind.NO_SIP_DRIVER, "Neither res_pjsip nor chan_sip is running on this PBX "
                + "(Asterisk " + facts.asteriskVersion() + "), so it cannot reach SecureTrunk over SIP. Load one of "
                + "them; no trunk is provisioned until then."));
        return Optional.empty();
    }

    static String profileFor(ChannelDriver driver, Optional<String> pjproject) {
        if (driver == ChannelDriver.CHAN_SIP) {
            return ProfileNames.ASTERISK_CHAN_SIP;
        }
        boolean old = pjproject.flatMap(VersionNumber::parse)
                .map(v -> v.compareTo(PJPROJECT_FIRST_GOOD) < 0)
                .orElse(false);
        return old ? ProfileNames.ASTERISK_13_8_CERT2 : ProfileNames.ASTERISK_PJSIP_MODERN;
    }

    /** pjproject bundled with an Asterisk version (versions.mak), only where it is older than 2.5.5. */
    private static Optional<String> bundledPjproject(Optional<VersionNumber> asterisk) {
        if (asterisk.isEmpty()) {
            return Optional.empty();
        }
        VersionNumber v = asterisk.get();
        if (v.major() == 13 && v.minor() == 8 && v.isCertified()) {
            return Optional.of("2.5");
        }
        if (v.major() == 13 && v.minor() == 10) {
            return Optional.of("2.5");
        }
        if (v.major() == 13 && (v.minor() == 8 || v.minor() == 9)) {
            return Optional.of("2.4.5");
        }
        return Optional.empty();
    }

    private static void insecureResPjsipWarnings(DiscoveryFacts facts, Optional<VersionNumber> asterisk,
                                                 Optional<String> pjproject, boolean inferred,
                                                 List<PbxWarning> warnings) {
        boolean oldPjproject = pjproject.flatMap(VersionNumber::parse)
                .map(v -> v.compareTo(PJPROJECT_FIRST_GOOD) < 0).orElse(false);
        // res_pjsip offers only TLS 1.0 before 13.19 / 15.2 (method=tlsv1_2 arrived with ec1f4bf48d); Twilio wants 1.2.
        boolean tls10Only = asterisk.map(v -> (v.major() == 13 && !v.atLeast(13, 19))
                || v.major() == 14 || (v.major() == 15 && !v.atLeast(15, 2))).orElse(false);
        if (oldPjproject) {
            warnings.add(new PbxWarning(Kind.NO_SECURE_MEDIA_ON_PBX, "This PBX (Asterisk " + facts.asteriskVersion()
                    + ", res_pjsip on pjproject " + pjproject.get() + (inferred ? ", inferred from the Asterisk "
                    + "version" : "") + ") cannot do TLS/SRTP with the secure domain itself: pjproject before "
                    + "2.5.5 fails with it. Send its calls to SecureTrunk in the clear (plain SIP and RTP) over a "
                    + "trusted network only; SecureTrunk does TLS and SRTP toward the secure domain."));
        } else if (tls10Only) {
            warnings.add(new PbxWarning(Kind.NO_SECURE_MEDIA_ON_PBX, "This PBX (Asterisk " + facts.asteriskVersion()
                    + ", res_pjsip) can only use TLS 1.0, and the secure domain requires TLS 1.2 (res_pjsip gained "
                    + "TLS 1.2 in 13.19 / 15.2). Send its calls to SecureTrunk in the clear (plain SIP and RTP) "
                    + "over a trusted network only; SecureTrunk does TLS and SRTP toward the secure domain."));
        }
    }

    private static String describe(DiscoveryFacts facts, Optional<String> pjproject) {
        return "Asterisk " + facts.asteriskVersion() + ", running " + names(facts)
                + pjproject.map(p -> ", pjproject " + p).orElse("");
    }

    private static String names(DiscoveryFacts facts) {
        if (facts.runningDrivers().isEmpty()) {
            return "no SIP driver";
        }
        return facts.runningDrivers().stream().sorted().map(ChannelDriver::cliName)
                .reduce((a, b) -> a + " and " + b).orElse("");
    }
}
