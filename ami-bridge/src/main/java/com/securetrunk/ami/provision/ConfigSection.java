package com.securetrunk.ami.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code [category]} of an Asterisk config file with its lines in file order (keys may repeat).
 *
 * @param name    category name
 * @param entries lines in order
 */
public record ConfigSection(String name, List<ConfigEntry> entries) {

    public ConfigSection {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    /** Every value of {@code key}, in file order (keys compare case-insensitively, as Asterisk does). */
    public List<ConfigEntry> all(String key) {
        List<ConfigEntry> out = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (e.key().equalsIgnoreCase(key)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Renders the category the way an administrator pastes it ({@code [name]} then {@code key=value}). */
    public void writeTo(StringBuilder out, boolean redactSecrets) {
        out.append('[').append(name).append("]\n");
        for (ConfigEntry e : entries) {
            out.append(e.key()).append('=').append(redactSecrets ? e.printableValue() : e.value()).append('\n');
        }
    }
}
