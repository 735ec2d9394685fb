package com.securetrunk.testpbx.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code [name]} section: an ordered, mutable list of variables (duplicates allowed, e.g. {@code allow=}). */
public final class ConfigCategory {

    private String name;
    private final List<ConfigVariable> variables = new ArrayList<>();

    public ConfigCategory(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public List<ConfigVariable> variables() {
        return variables;
    }

    /** First value of {@code key} (case-insensitive). */
    public Optional<String> get(String key) {
        for (ConfigVariable v : variables) {
            if (v.name().equalsIgnoreCase(key)) {
                return Optional.of(v.value());
            }
        }
        return Optional.empty();
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public ConfigCategory append(String key, String value) {
        variables.add(new ConfigVariable(key, value));
        return this;
    }

    ConfigCategory copy() {
        ConfigCategory c = new ConfigCategory(name);
        c.variables.addAll(variables);
        return c;
    }
}
