package com.securetrunk.ami.discovery;

import com.securetrunk.ami.ChannelDriver;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the Asterisk CLI output discovery reads through {@code Action: Command}. The output arrives as
 * lines (asterisk-java joins both AMI framings, {@code Response: Follows ... --END COMMAND--} up to 13.x and
 * {@code Output:} headers from 14.0, into a list).
 */
public final class CliOutput {

    // main/loader.c: "%-30s %-40.40s %-10d %-11s %13s\n" (module, description, use count, status, support level);
    // 13.x before the status column: "%-30s %-40.40s %-10d\n".
    private static final Pattern MODULE_LINE = Pattern.compile("^(\\S+\\.so)\\s+.*$");
    // res/res_pjsip/pjsip_cli.c: "PJPROJECT version currently running against: %s\n"
    private static final Pattern PJPROJECT = Pattern.compile(
            "PJPROJECT version currently running against:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    // main/asterisk.c: "Asterisk %s built by %s @ %s on a %s running %s on %s"
    private static final Pattern CORE_SHOW_VERSION = Pattern.compile("^\\s*Asterisk\\s+(\\S+)(?:\\s+built by.*)?$");

    private CliOutput() {
    }

    /**
     * True when {@code module show like <name>} lists the driver's module and does not mark it "Not Running".
     * A line ending "modules loaded" or a header line never counts.
     */
    public static boolean moduleRunning(List<String> lines, ChannelDriver driver) {
        for (String raw : split(lines)) {
            Matcher m = MODULE_LINE.matcher(raw.trim());
            if (m.matches() && m.group(1).equalsIgnoreCase(driver.module())) {
                return !raw.toLowerCase(Locale.ROOT).contains("not running");
            }
        }
        return false;
    }

    /** The version in {@code pjsip show version} output, if the line is there. */
    public static Optional<String> pjprojectVersion(List<String> lines) {
        for (String raw : split(lines)) {
            Matcher m = PJPROJECT.matcher(raw);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The version in {@code core show version} output ({@code Asterisk 20.5.0 built by ...}). */
    public static Optional<String> coreShowVersion(List<String> lines) {
        for (String raw : split(lines)) {
            Matcher m = CORE_SHOW_VERSION.matcher(raw);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Asterisk 13 output can arrive as one "line" holding {@code \n}-separated text; normalise to real lines. */
    static List<String> split(List<String> lines) {
        return lines.stream()
                .flatMap(l -> l.lines())
                .filter(l -> !l.equals("--END COMMAND--"))
                .toList();
    }
}
