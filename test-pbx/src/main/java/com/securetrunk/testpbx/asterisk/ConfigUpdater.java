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
            Optional<ConfigUpdateError> error = applyOne(file, action.toLowerCase(Locale.ROOT), cat, var, value,
                    match, line);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<ConfigUpdateError> applyOne(ConfigFile file, String action, String cat, String var,
                                                        String value, String match, String line) {
        Optional<ConfigCategory> category = file.category(cat);
        switch (action) {
            case "newcat":
                if (category.isPresent()) {
                    return Optional.of(ConfigUpdateError.FAILURE_NEWCAT);
                }
                file.addCategory(cat);
                return Optional.empty();
            case "renamecat":
                if (value.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                category.get().rename(value);
                return Optional.empty();
            case "delcat":
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                file.categories().remove(category.get());
                return Optional.empty();
            case "emptycat":
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                category.get().variables().clear();
                return Optional.empty();
            case "update":
                if (var.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                return update(category.get(), var, value, match)
                        ? Optional.empty() : Optional.of(ConfigUpdateError.FAILURE_UPDATE);
            case "delete":
                if (var.isEmpty() && line.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                return delete(category.get(), var, match, line)
                        ? Optional.empty() : Optional.of(ConfigUpdateError.FAILURE_DELETE);
            case "append":
                if (var.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                category.get().append(var, stripObjectMarker(value));
                return Optional.empty();
            case "insert":
                if (var.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNSPECIFIED_ARGUMENT);
                }
                if (category.isEmpty()) {
                    return Optional.of(ConfigUpdateError.UNKNOWN_CATEGORY);
                }
                insert(category.get(), var, stripObjectMarker(value), line);
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
