package com.securetrunk.ami.provision;

import java.util.Objects;

/**
 * One numbered command of an {@code UpdateConfig} action ({@code Action-NNNNNN}, {@code Cat-}, {@code Var-},
 * {@code Value-}, {@code Match-}; main/manager.c {@code handle_updates}).
 *
 * @param op     what to do
 * @param cat    the category
 * @param var    the option (null for category operations)
 * @param value  the new value (null where the op takes none)
 * @param match  for Update/Delete: the current value it must match (so only that line changes)
 * @param secret true when value or match must be redacted in printouts
 */
public record ConfigChange(Op op, String cat, String var, String value, String match, boolean secret) {

    /** UpdateConfig actions this module uses, with their wire names. */
    public enum Op {
        NEW_CAT("NewCat"), DEL_CAT("DelCat"), APPEND("Append"), UPDATE("Update"), DELETE("Delete");

        private final String wire;

        Op(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public ConfigChange {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(cat, "cat");
    }

    public static ConfigChange newCat(String cat) {
        return new ConfigChange(Op.NEW_CAT, cat, null, null, null, false);
    }

    public static ConfigChange delCat(String cat) {
        return new ConfigChange(Op.DEL_CAT, cat, null, null, null, false);
    }

    public static ConfigChange append(String cat, ConfigEntry e) {
        return new ConfigChange(Op.APPEND, cat, e.key(), e.value(), null, e.secret());
    }

    public static ConfigChange update(String cat, ConfigEntry from, ConfigEntry to) {
        return new ConfigChange(Op.UPDATE, cat, to.key(), to.value(), from.value(), from.secret() || to.secret());
    }

    public static ConfigChange delete(String cat, ConfigEntry e) {
        return new ConfigChange(Op.DELETE, cat, e.key(), null, e.value(), e.secret());
    }

    @Override
    public String toString() {
        return "ConfigChange[" + describe() + "]";
    }

    /** One line for reports: {@code Update securetrunk-aor contact: sip:a:5060 -> sip:b:5060}. */
    public String describe() {
        String v = secret ? com.securetrunk.ami.Secret.REDACTED : value;
        String m = secret ? com.securetrunk.ami.Secret.REDACTED : match;
        return switch (op) {
            case NEW_CAT -> "create [" + cat + "]";
            case DEL_CAT -> "remove [" + cat + "]";
            case APPEND -> "[" + cat + "] add " + var + "=" + v;
            case UPDATE -> "[" + cat + "] change " + var + "=" + m + " to " + var + "=" + v;
            case DELETE -> "[" + cat + "] remove " + var + "=" + m;
        };
    }
}
