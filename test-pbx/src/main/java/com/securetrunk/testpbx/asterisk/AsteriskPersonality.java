package com.securetrunk.testpbx.asterisk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Asterisk version being imitated, chosen at start. Each answers version queries and frames CLI output as that
 * version does.
 *
 * <ul>
 *   <li>{@code 13.8-cert2}: {@code ast_get_version()} of a certified build is {@code certified/13.8-cert2} (real
 *       {@code core show version} of the sibling 13.8-cert4 reads "Asterisk certified/13.8-cert4 built by ...");
 *       AMI 2.8.0; bundled pjproject 2.5 (compat-notes §3.6); Command answered with {@code Response: Follows} and
 *       {@code --END COMMAND--}; FullyBooted without Uptime/LastReload (both added in 14.0, 8a5c2e736c).</li>
 *   <li>{@code 16}: 16.30.0, AMI 5.0.5, pjproject 2.12.1.</li>
 *   <li>{@code 20}: 20.20.1, AMI 9.0.0 — the version of the observed transcript; pjproject 2.17 as in that build.</li>
 * </ul>
 */
public enum AsteriskPersonality {
    V13_8_CERT2("13.8-cert2", "certified/13.8-cert2", "2.8.0", "2.5", false),
    V16("16", "16.30.0", "5.0.5", "2.12.1", true),
    V20("20", "20.20.1", "9.0.0", "2.17", true);

    private final String cliName;
    private final String asteriskVersion;
    private final String amiVersion;
    private final String pjprojectVersion;
    private final boolean outputHeaders;

    AsteriskPersonality(String cliName, String asteriskVersion, String amiVersion, String pjprojectVersion,
                        boolean from14) {
        this.cliName = cliName;
        this.asteriskVersion = asteriskVersion;
        this.amiVersion = amiVersion;
        this.pjprojectVersion = pjprojectVersion;
        this.outputHeaders = from14;
    }

    /** The {@code --version} value: {@code 13.8-cert2}, {@code 16} or {@code 20}. */
    public String cliName() {
        return cliName;
    }

    /** {@code ast_get_version()}: what CoreSettings reports as AsteriskVersion. */
    public String asteriskVersion() {
        return asteriskVersion;
    }

    /** {@code AMI_VERSION}: the banner version and CoreSettings AMIversion. */
    public String amiVersion() {
        return amiVersion;
    }

    /** What {@code pjsip show version} reports. */
    public String pjprojectVersion() {
        return pjprojectVersion;
    }

    /**
     * True from 14.0 on (2f418c052e, ASTERISK-24730): Command answers {@code Response: Success|Error},
     * {@code Message: Command output follows} and one {@code Output:} header per line. Before: {@code Response:
     * Follows}, {@code Privilege: Command}, raw text with LF line ends, {@code --END COMMAND--}.
     */
    public boolean commandOutputHeaders() {
        return outputHeaders;
    }

    /** FullyBooted carries Uptime and LastReload from 14.0 on. */
    public boolean fullyBootedHasUptime() {
        return outputHeaders;
    }

    /** CoreSettings has SoundsSearchCustomDir in 20 (seen in the 20.20.1 transcript). */
    public boolean coreSettingsHasSoundsSearchCustomDir() {
        return this == V20;
    }

    /** CoreStatus has CoreProcessedCalls in 20 (seen in the 20.20.1 transcript). */
    public boolean coreStatusHasProcessedCalls() {
        return this == V20;
    }

    /**
     * ModuleLoad first checks that the module file exists in the modules directory ("Module not found."), a
     * security fix of 18.26.1 / 20.11.1 / 21.6.1 / 22.1.1 ({@code file_in_modules_dir} in manager.c).
     */
    public boolean moduleLoadChecksModulesDir() {
        return this == V20;
    }

    /** Parses a {@code --version} value; the error lists what is accepted. */
    public static AsteriskPersonality fromCliName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (AsteriskPersonality p : values()) {
            if (p.cliName.equals(n) || p.asteriskVersion.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown Asterisk version '" + name + "' (expected one of: "
                + Arrays.stream(values()).map(AsteriskPersonality::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
