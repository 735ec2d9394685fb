package com.securetrunk.testpbx.ami;

import java.util.Locale;

/**
 * AMI event/permission classes ({@code perms[]} in manager.c). The wire name is what appears in
 * {@code Privilege: call,all} and in {@code Events:} / {@code EventMask:} values.
 */
public enum EventClass {
    SYSTEM("system"),
    CALL("call"),
    LOG("log"),
    VERBOSE("verbose"),
    COMMAND("command"),
    AGENT("agent"),
    USER("user"),
    CONFIG("config"),
    DTMF("dtmf"),
    REPORTING("reporting"),
    CDR("cdr"),
    DIALPLAN("dialplan"),
    ORIGINATE("originate"),
    AGI("agi"),
    CC("cc"),
    AOC("aoc"),
    TEST("test"),
    SECURITY("security"),
    MESSAGE("message");

    /** Every class set: what {@code Events: on} (or a true value) selects. */
    public static final int ALL = (1 << values().length) - 1;

    private final String wireName;

    EventClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** {@code Privilege} header value for an event of this class, e.g. {@code call,all}. */
    public String privilege() {
        return wireName + ",all";
    }

    /**
     * The mask an {@code Events:} / {@code EventMask:} value selects ({@code strings_to_mask} in manager.c):
     * a true word ({@code on}, {@code yes}, {@code true}, {@code 1}) selects all, a false word none, a comma list the
     * named classes (unknown names are ignored, as Asterisk does). Returns {@code -1} for an empty value.
     */
    public static int parseMask(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return -1;
        }
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(v) == 0 ? 0 : ALL;
            } catch (NumberFormatException e) {
                return ALL;
            }
        }
        switch (v) {
            case "on": case "yes": case "true": case "y": case "t":
                return ALL;
            case "off": case "no": case "false": case "n": case "f":
                return 0;
            default:
                break;
        }
        int mask = 0;
        for (String part : v.split(",")) {
            String name = part.trim();
            if (name.equals("all")) {
                mask = ALL;
                continue;
            }
            for (EventClass c : values()) {
                if (c.wireName.equals(name)) {
                    mask |= c.bit();
                }
            }
        }
        return mask;
    }
}
