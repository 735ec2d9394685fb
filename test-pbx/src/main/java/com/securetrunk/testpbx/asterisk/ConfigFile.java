package com.securetrunk.testpbx.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory Asterisk config file: ordered categories. Category names compare case-insensitively. */
public final class ConfigFile {

    private final String filename;
    private final List<ConfigCategory> categories = new ArrayList<>();

    public ConfigFile(String filename) {
        this.filename = filename;
    }

    public String filename() {
        return filename;
    }

    public List<ConfigCategory> categories() {
        return categories;
    }

    public Optional<ConfigCategory> category(String name) {
        for (ConfigCategory c : categories) {
            if (c.name().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public ConfigCategory addCategory(String name) {
        ConfigCategory c = new ConfigCategory(name);
        categories.add(c);
        return c;
    }

    public ConfigFile copy(String newName) {
        ConfigFile f = new ConfigFile(newName);
        for (ConfigCategory c : categories) {
            f.categories.add(c.copy());
        }
        return f;
    }

    /**
     * Renders the file as Asterisk's {@code ast_config_text_file_save} writes it after UpdateConfig: a generated
     * header, {@code [category]} lines and {@code key = value} spacing.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(";!\n;! Automatically generated configuration file\n;! Filename: ").append(filename)
                .append(" (").append(filename).append(")\n;! Generator: Manager\n;!\n\n");
        for (ConfigCategory c : categories) {
            sb.append('[').append(c.name()).append("]\n");
            for (ConfigVariable v : c.variables()) {
                sb.append(v.name()).append(" = ").append(v.value()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
