package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the numbered change list of an UpdateConfig action ({@code handle_updates} in manager.c):
 * {@code Action-NNNNNN}, {@code Cat-}, {@code Var-}, {@code Value-}, {@code Match-}, {@code Line-}, numbered from
 * 000000, processing stops at the first missing {@code Action-N}. The caller applies it to a copy and saves only on
 * success, so a failed batch changes nothing, as in Asterisk.
 */
public final class ConfigUpdater {

    /** manager.c loops {@code for (x = 0; x < 100000; x++)}. */
    private static final int MAX_ACTIONS = 100_000;

    private ConfigUpdater() {
    }

    /** Applies every change to {@code file}; returns the first error, if any (the file is then half-changed). */
    public static Optional<ConfigUpdateError> apply(ConfigFile file, AmiMessage request) {
        for (int x = 0; x < MAX_ACTIONS; x++) {
            String n = String.format(Locale.ROOT, "%06d", x);
            String action = request.get("Action-" + n);
            if (action.isEmpty()) {
                break;
            }
            String cat = request.get("Cat-" + n);
            if (cat.isEmpty()) {
                return Optional.of(ConfigUpdateError.UNSPECIFIED_CATEGORY);
            }
            String var = request.get("Var-" + n);
            String value = request.get("Value-" + n);
            String match = request.get("Match-" + n);
            String line = request.get("Line-" + n);
            Options options = Options.parse(request.get("Options-" + n));
            Optional<ConfigUpdateError> error = applyOne(file, action.toLowerCase(Locale.ROOT), cat, var, value,
                    match, line, options);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    /** The {@code Options-N} words the simulator honours: {@code allowdups} and {@code ignoreerror}. */
    private record Options(boolean allowDups, boolean ignoreError) {
        static Options parse(String text) {
            boolean dups = false;
            boolean ignore = false;
            for (String token : text.split(",")) {
                String t = token.trim();
                dups |= t.equalsIgnoreCase("allowdups");
                ignore |= t.equalsIgnoreCase("ignoreerror");
            }
            return new Options(dups, ignore);
        }
    }

    /**
     * One change. As in manager.c, an action on a category applies to every category of that name; "not found"
     * checks come after the argument checks; a Delete that matches no variable is reported as
     * {@code FAILURE_UPDATE} ("Update did not complete successfully"), exactly as Asterisk words it.
     */
    private static Optional<ConfigUpdateError> applyOne(ConfigFile file, String action, String cat, String var,
                                                        String value, String match, String line, Options options) {
        List<ConfigCategory> categories = file.categories().stream()
                .filter(c -> c.name().equalsIgnoreCase(cat)).toList();
        switch (action) {
            case "newcat": {
                if (!options.allowDups() && !categories.isEmpty()) {
                    return options.ignoreError() ? Optional.empty() : Optional.of(ConfigUpdateError.FAILURE_NEWCAT);
                }
                ConfigCategory created = new ConfigCategory(cat);
                if (match.isEmpty()) {
                    file.categories().add(created);
                    return Optional.empty();
                }
                // ast_category_insert: before the category named by Match
                for (int i = 0; i < file.categories().size(); i++) {
                    if (file.categories().get(i).name().equalsIgnoreCase(match)) {
                        file.categories().add(i, created);
                        return Optional.empty();
                    }
                }
                return Optional.of(ConfigUpdateError.FAILURE_NEWCAT);
            }
            case "renamecat":
                if (value.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                categories.forEach(c -> c.rename(value));
                return Optional.empty();
            case "delcat":
                if (categories.isEmpty()) {
                    return options.ignoreError() ? Optional.empty() : Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                file.categories().removeAll(categories);
                return Optional.empty();
            case "emptycat":
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                categories.forEach(c -> c.variables().clear());
                return Optional.empty();
            case "update": {
                if (var.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                boolean found = false;
                for (ConfigCategory c : categories) {
                    found |= update(c, var, value, match);
                }
                return found ? Optional.empty() : Optional.of(ConfigUpdateError.FAILURE_UPDATE);
            }
            case "delete": {
                if (var.isEmpty() && line.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                boolean found = false;
                for (ConfigCategory c : categories) {
                    found |= delete(c, var, match, line);
                }
                return found || options.ignoreError() ? Optional.empty()
                        : Optional.of(ConfigUpdateError.FAILURE_UPDATE);
            }
            case "append":
                if (var.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                categories.forEach(c -> c.append(var, stripObjectMarker(value)));
                return Optional.empty();
            case "insert":
                if (var.isEmpty() || line.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (categories.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                categories.forEach(c -> insert(c, var, stripObjectMarker(value), line));
                return Optional.empty();
            default:
                return Optional.of(ConfigUpdateError.UNKNOWN_ACTION);
        }
    }

    /** A leading {@code >} marks an "object" ({@code key => value}); the stored value does not keep it. */
    private static String stripObjectMarker(String value) {
        return value.startsWith(">") ? value.substring(1).trim() : value;
    }

    /** {@code ast_variable_update}: the first variable named {@code var} (and valued {@code match}, if given). */
    private static boolean update(ConfigCategory category, String var, String value, String match) {
        List<ConfigVariable> vars = category.variables();
        for (int i = 0; i < vars.size(); i++) {
            ConfigVariable v = vars.get(i);
            if (v.name().equalsIgnoreCase(var) && (match.isEmpty() || v.value().equalsIgnoreCase(match))) {
                vars.set(i, new ConfigVariable(v.name(), stripObjectMarker(value)));
                return true;
            }
        }
        return false;
    }

    /** {@code ast_variable_delete}: every variable named {@code var} (valued {@code match}), or the one at {@code line}. */
    private static boolean delete(ConfigCategory category, String var, String match, String line) {
        if (!line.isEmpty()) {
            int index = parseIndex(line);
            if (index < 0 || index >= category.variables().size()) {
                return false;
            }
            category.variables().remove(index);
            return true;
        }
        boolean deleted = false;
        for (Iterator<ConfigVariable> it = category.variables().iterator(); it.hasNext(); ) {
            ConfigVariable v = it.next();
            if (v.name().equalsIgnoreCase(var) && (match.isEmpty() || v.value().equalsIgnoreCase(match))) {
                it.remove();
                deleted = true;
            }
        }
        return deleted;
    }

    /** {@code ast_variable_insert}: before the variable at index {@code line}, or at the end if out of range. */
    private static void insert(ConfigCategory category, String var, String value, String line) {
        int index = parseIndex(line);
        List<ConfigVariable> vars = category.variables();
        if (index < 0 || index > vars.size()) {
            vars.add(new ConfigVariable(var, value));
        } else {
            vars.add(index, new ConfigVariable(var, value));
        }
    }

    private static int parseIndex(String line) {
        try {
            return Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
