package com.securetrunk.ami.provision;

import java.util.Objects;

/**
 * One {@code key=value} line of an Asterisk config category, as {@code GetConfig} reports it
 * ({@code Line-NNNNNN-MMMMMM: key=value}).
 *
 * @param key    option name
 * @param value  option value, verbatim
 * @param secret true when the value must be redacted in printouts (passwords)
 */
public record ConfigEntry(String key, String value, boolean secret) {

    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static ConfigEntry of(String key, String value) {
        return new ConfigEntry(key, value, false);
    }

    /** Option names whose values are passwords in pjsip.conf / sip.conf: redacted whenever printed. */
    private static final java.util.Set<String> SECRET_KEYS =
            java.util.Set.of("password", "secret", "remotesecret", "md5secret", "md5_cred");

    /**
     * Parses a {@code GetConfig} line: everything before the first {@code =} is the key. Password options are
     * flagged secret so no printout shows them.
     */
    public static ConfigEntry parseLine(String line) {
        int eq = line.indexOf('=');
        String key = (eq < 0 ? line : line.substring(0, eq)).trim();
        String value = eq < 0 ? "" : line.substring(eq + 1).trim();
        return new ConfigEntry(key, value, SECRET_KEYS.contains(key.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The value as printouts may show it. */
    public String printableValue() {
        return secret ? com.securetrunk.ami.Secret.REDACTED : value;
    }

    @Override
    public String toString() {
        return key + "=" + printableValue();
    }

    /** Same key and value, whatever the redaction flag. */
    public boolean sameAs(ConfigEntry other) {
        return key.equalsIgnoreCase(other.key) && value.equals(other.value);
    }
}
