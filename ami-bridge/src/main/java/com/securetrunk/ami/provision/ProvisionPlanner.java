package com.securetrunk.ami.provision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diff between the categories a file has and the ones the trunk wants, as {@code UpdateConfig} commands.
 * Pure. Equal categories give no change; a changed key gives one {@code Update} matched on its old value; keys the
 * trunk no longer wants are deleted; owned categories no longer wanted are removed; nothing outside
 * {@link ManagedNames} is ever touched.
 *
 * <p>The same diff restores a snapshot (rollback): "wanted" is then the owned categories as they were.
 */
public final class ProvisionPlanner {

    private ProvisionPlanner() {
    }

    public static List<ConfigChange> diff(ConfigFile current, List<ConfigSection> wanted, ManagedNames names) {
        List<ConfigChange> changes = new ArrayList<>();
        Set<String> wantedNames = new LinkedHashSet<>();
        for (ConfigSection want : wanted) {
            if (!names.owns(want.name())) {
                throw new IllegalArgumentException("category [" + want.name() + "] is not one the trunk '"
                        + names.trunk() + "' owns; refusing to touch it");
            }
            wantedNames.add(want.name().toLowerCase(java.util.Locale.ROOT));
            var have = current.section(want.name());
            if (have.isEmpty()) {
                changes.add(ConfigChange.newCat(want.name()));
                for (ConfigEntry e : want.entries()) {
                    changes.add(ConfigChange.append(want.name(), e));
                }
            } else {
                diffSection(have.get(), want, changes);
            }
        }
        for (ConfigSection have : current.owned(names)) {
            if (wantedNames.add(have.name().toLowerCase(java.util.Locale.ROOT))) {
                // not wanted (and a duplicate name is removed once: DelCat addresses the first)
                changes.add(ConfigChange.delCat(have.name()));
            }
        }
        return changes;
    }

    private static void diffSection(ConfigSection have, ConfigSection want, List<ConfigChange> changes) {
        Set<String> keys = new LinkedHashSet<>();
        want.entries().forEach(e -> keys.add(e.key().toLowerCase(java.util.Locale.ROOT)));
        for (String key : keys) {
            List<ConfigEntry> w = want.all(key);
            List<ConfigEntry> h = have.all(key);
            if (sameValues(h, w)) {
                continue;
            }
            if (h.size() == 1 && w.size() == 1) {
                changes.add(ConfigChange.update(have.name(), h.get(0), w.get(0)));
                continue;
            }
            deleteDistinct(have.name(), h, changes);
            for (ConfigEntry e : w) {
                changes.add(ConfigChange.append(have.name(), e));
            }
        }
        Set<String> stale = new LinkedHashSet<>();
        for (ConfigEntry e : have.entries()) {
            if (!keys.contains(e.key().toLowerCase(java.util.Locale.ROOT))) {
                stale.add(e.key());
            }
        }
        for (String key : stale) {
            deleteDistinct(have.name(), have.all(key), changes);
        }
    }

    /** One Delete per distinct value: Asterisk's Delete removes every line of that name whose value matches. */
    private static void deleteDistinct(String cat, List<ConfigEntry> entries, List<ConfigChange> changes) {
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigEntry e : entries) {
            if (seen.add(e.value().toLowerCase(java.util.Locale.ROOT))) {
                changes.add(ConfigChange.delete(cat, e));
            }
        }
    }

    private static boolean sameValues(List<ConfigEntry> a, List<ConfigEntry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }
}
