package com.securetrunk.ami.provision;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code UpdateConfig} commands to an in-memory file the way Asterisk does (main/config.c): {@code NewCat}
 * appends a category at the end, {@code Append} adds a line at the end of its category, {@code Update} replaces the
 * first line whose value matches in place, {@code Delete} removes every matching line (names and match values
 * compare case-insensitively), {@code DelCat} removes
 * the first category of that name. Used to print what a dry run would leave in the file.
 */
public final class ConfigEdits {

    private ConfigEdits() {
    }

    public static ConfigFile apply(ConfigFile file, List<ConfigChange> changes) {
        List<String> names = new ArrayList<>();
        List<List<ConfigEntry>> bodies = new ArrayList<>();
        for (ConfigSection s : file.sections()) {
            names.add(s.name());
            bodies.add(new ArrayList<>(s.entries()));
        }
        for (ConfigChange c : changes) {
            int i = indexOf(names, c.cat());
            switch (c.op()) {
                case NEW_CAT -> {
                    names.add(c.cat());
                    bodies.add(new ArrayList<>());
                }
                case DEL_CAT -> {
                    requireCategory(i, c);
                    names.remove(i);
                    bodies.remove(i);
                }
                case APPEND -> {
                    requireCategory(i, c);
                    bodies.get(i).add(new ConfigEntry(c.var(), c.value(), c.secret()));
                }
                case UPDATE -> {
                    requireCategory(i, c);
                    List<ConfigEntry> body = bodies.get(i);
                    int at = find(body, c);
                    body.set(at, new ConfigEntry(c.var(), c.value(), c.secret() || body.get(at).secret()));
                }
                case DELETE -> {
                    requireCategory(i, c);
                    List<ConfigEntry> body = bodies.get(i);
                    find(body, c); // at least one must match, or Asterisk answers Error
                    body.removeIf(e -> matches(e, c));
                }
            }
        }
        List<ConfigSection> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new ConfigSection(names.get(i), bodies.get(i)));
        }
        return new ConfigFile(file.filename(), out);
    }

    private static int find(List<ConfigEntry> body, ConfigChange c) {
        for (int i = 0; i < body.size(); i++) {
            if (matches(body.get(i), c)) {
                return i;
            }
        }
        throw new IllegalStateException("no line " + c.var() + " in [" + c.cat() + "] matches: " + c.describe());
    }

    private static int indexOf(List<String> names, String cat) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(cat)) {
                return i;
            }
        }
        return -1;
    }

    /** main/config.c compares both the name and the match value with strcasecmp. */
    private static boolean matches(ConfigEntry e, ConfigChange c) {
        return e.key().equalsIgnoreCase(c.var()) && (c.match() == null || e.value().equalsIgnoreCase(c.match()));
    }

    private static void requireCategory(int index, ConfigChange c) {
        if (index < 0) {
            throw new IllegalStateException("category [" + c.cat() + "] does not exist: " + c.describe());
        }
    }
}
