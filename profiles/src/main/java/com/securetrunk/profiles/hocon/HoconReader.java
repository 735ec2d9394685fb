package com.securetrunk.profiles.hocon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads typed values out of one HOCON object, recording a problem for each wrong or missing value instead of
 * stopping at the first. Every path read is remembered, so {@link #reportUnknownKeys} can name the rest.
 *
 * <p>A read that fails returns {@code null} (or an empty list); callers check {@link #problemCount()} before
 * building their record. Not thread-safe; one reader per object being read.
 */
public final class HoconReader {

    private final Config config;
    private final String prefix;
    private final ConfigOrigin objectOrigin;
    private final ProblemSink sink;
    private final Set<String> known = new LinkedHashSet<>();
    private int problems;

    /**
     * @param config  the object to read
     * @param prefix  prepended to every key path in reports (e.g. {@code secure-domain.targets[0].}); may be empty
     * @param sink    receives the problems
     */
    public HoconReader(Config config, String prefix, ProblemSink sink) {
        this.config = config;
        this.prefix = prefix;
        this.objectOrigin = config.root().origin();
        this.sink = sink;
    }

    /** Number of problems this reader has recorded so far. */
    public int problemCount() {
        return problems;
    }

    /** The object being read. */
    public Config config() {
        return config;
    }

    /** True when {@code path} is set (and not {@code null}); marks it known. */
    public boolean has(String path) {
        known.add(path);
        return config.hasPath(path);
    }

    /** Marks {@code path} (a leaf or a whole section) as read by someone else, so it is not reported as unknown. */
    public void markKnown(String path) {
        known.add(path);
    }

    /** A string (numbers and booleans are taken as their text). */
    public String string(String path) {
        return read(path, "a string", () -> config.getString(path));
    }

    /** A string that must not be blank. */
    public String nonBlankString(String path) {
        String s = string(path);
        if (s != null && s.isBlank()) {
            report(path, "a non-empty string", "\"\"");
            return null;
        }
        return s;
    }

    /** A string where {@code ""} means "not set". */
    public Optional<String> optionalString(String path) {
        String s = string(path);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** {@code true} or {@code false} (HOCON also takes yes/no, on/off). */
    public Boolean bool(String path) {
        return read(path, "a boolean (true or false)", () -> config.getBoolean(path));
    }

    /** An integer within [min, max]. */
    public Integer integer(String path, int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        Integer v = read(path, expected, () -> config.getInt(path));
        if (v != null && (v < min || v > max)) {
            report(path, expected, String.valueOf(v));
            return null;
        }
        return v;
    }

    /** A duration (HOCON form: {@code 30s}, {@code 500ms}, {@code 5m}; a bare number is milliseconds), at least min. */
    public Duration duration(String path, Duration min) {
        String expected = "a duration such as 30s, 500ms or 5m, at least " + min.toMillis() + "ms";
        Duration d = read(path, expected, () -> config.getDuration(path));
        if (d != null && d.compareTo(min) < 0) {
            report(path, expected, render(config.getValue(path)));
            return null;
        }
        return d;
    }

    /** One of the {@code choices}, written as {@code nameOf(choice)}. */
    public <E> E choice(String path, E[] choices, Function<E, String> nameOf) {
        String expected = "one of: " + names(Arrays.asList(choices), nameOf);
        String s = read(path, expected, () -> scalarString(config.getValue(path)));
        if (s == null) {
            return null;
        }
        for (E e : choices) {
            if (nameOf.apply(e).equals(s)) {
                return e;
            }
        }
        report(path, expected, quote(s));
        return null;
    }

    /**
     * A list whose elements each go through {@code element}, which returns the value or, when it cannot, a
     * {@code String} describing the expected form (reported at that element). Returns {@code null} when anything failed.
     */
    public <E> List<E> list(String path, String expectedElement, Function<String, ElementResult<E>> element) {
        String expected = "a list of " + expectedElement;
        ConfigList list = read(path, expected, () -> config.getList(path));
        if (list == null) {
            return null;
        }
        List<E> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue v = list.get(i);
            String elementPath = path + "[" + i + "]";
            String text = scalarStringOrNull(v);
            ElementResult<E> r = text == null ? ElementResult.fail(expectedElement) : element.apply(text);
            if (r.value() == null) {
                reportAt(v.origin(), elementPath, r.expected(), render(v));
                ok = false;
            } else {
                out.add(r.value());
            }
        }
        return ok ? List.copyOf(out) : null;
    }

    /** A list of choices (see {@link #choice}); duplicates are reported. */
    public <E> List<E> choiceList(String path, E[] choices, Function<E, String> nameOf) {
        String one = "one of: " + names(Arrays.asList(choices), nameOf);
        List<E> values = list(path, "names, each " + one, s -> {
            for (E e : choices) {
                if (nameOf.apply(e).equals(s)) {
                    return ElementResult.of(e);
                }
            }
            return ElementResult.fail(one);
        });
        if (values != null && new LinkedHashSet<>(values).size() != values.size()) {
            report(path, "a list without duplicates", render(config.getValue(path)));
            return null;
        }
        return values;
    }

    /** The objects of a list of objects, each as a {@link Config} (for a nested reader). */
    public List<Config> objectList(String path) {
        String expected = "a list of objects ({ key = value, ... })";
        ConfigList list = read(path, expected, () -> config.getList(path));
        if (list == null) {
            return null;
        }
        List<Config> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue v = list.get(i);
            if (v instanceof ConfigObject o) {
                out.add(o.toConfig());
            } else {
                reportAt(v.origin(), path + "[" + i + "]", "an object ({ key = value, ... })", render(v));
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A value parsed from text by {@code parser}, which throws {@link IllegalArgumentException} when it cannot. */
    public <T> T parsed(String path, String expected, Function<String, T> parser) {
        String s = read(path, expected, () -> scalarString(config.getValue(path)));
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            report(path, expected, quote(s));
            return null;
        }
    }

    /** Records a problem at the value of {@code path} (or at the enclosing object when it is missing). */
    public void report(String path, String expected, String found) {
        ConfigOrigin origin = config.hasPath(path) ? config.getValue(path).origin() : objectOrigin;
        reportAt(origin, path, expected, found);
    }

    /** Records a problem at an explicit origin. */
    public void reportAt(ConfigOrigin origin, String path, String expected, String found) {
        problems++;
        sink.report(origin, prefix + path, expected, found);
    }

    /** The rendered value at {@code path}, for a {@code found} text. */
    public String renderAt(String path) {
        return config.hasPath(path) ? render(config.getValue(path)) : "nothing";
    }

    /**
     * Reports every key of the object that no read asked for.
     *
     * @param openSections paths whose children are free-form (validated by the caller), e.g. {@code notes}
     */
    public void reportUnknownKeys(Collection<String> openSections) {
        walk(config.root(), "", openSections);
    }

    private void walk(ConfigObject object, String parent, Collection<String> open) {
        for (String key : new TreeSet<>(object.keySet())) {
            String path = parent.isEmpty() ? ConfigUtil.joinPath(key) : parent + "." + ConfigUtil.joinPath(key);
            if (known.contains(path) || open.contains(path)) {
                continue;
            }
            ConfigValue v = object.get(key);
            boolean isSection = known.stream().anyMatch(k -> k.startsWith(path + "."));
            if (isSection && v instanceof ConfigObject child) {
                walk(child, path, open);
                continue;
            }
            String expected = isSection ? "an object (section " + path + ")"
                    : "a known key" + suggestion(parent, key);
            reportAt(leafOrigin(v), path, expected, isSection ? render(v) : "unknown key '" + key + "'");
        }
    }

    /** Where a value was written; for an object, where its first leaf was (objects built by merges have vague origins). */
    private static ConfigOrigin leafOrigin(ConfigValue v) {
        if (v instanceof ConfigObject o && !o.isEmpty()) {
            return leafOrigin(o.get(new TreeSet<>(o.keySet()).first()));
        }
        return v.origin();
    }

    private String suggestion(String parent, String key) {
        Set<String> siblings = new TreeSet<>();
        String start = parent.isEmpty() ? "" : parent + ".";
        for (String k : known) {
            if (k.startsWith(start)) {
                String rest = k.substring(start.length());
                int dot = rest.indexOf('.');
                siblings.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String s : siblings) {
            int d = editDistance(s.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        String here = siblings.isEmpty() ? "" : " (" + (parent.isEmpty() ? "top level" : parent) + " has: "
                + String.join(", ", siblings) + ")";
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return "; did you mean '" + start + best + "'?" + here;
        }
        return here;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private interface Getter<T> {
        T get();
    }

    private <T> T read(String path, String expected, Getter<T> getter) {
        known.add(path);
        if (!config.hasPathOrNull(path)) {
            reportAt(objectOrigin, path, expected, "nothing (the key is missing)");
            return null;
        }
        if (config.getIsNull(path)) {
            report(path, expected, "null");
            return null;
        }
        try {
            return getter.get();
        } catch (ConfigException.WrongType | ConfigException.BadValue | NotScalar e) {
            report(path, expected, render(config.getValue(path)));
            return null;
        }
    }

    /** Thrown inside reads when a scalar was needed. */
    private static final class NotScalar extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotScalar() {
            super(null, null, false, false);
        }
    }

    private static String scalarString(ConfigValue v) {
        String s = scalarStringOrNull(v);
        if (s == null) {
            throw new NotScalar();
        }
        return s;
    }

    private static String scalarStringOrNull(ConfigValue v) {
        ConfigValueType t = v.valueType();
        if (t == ConfigValueType.STRING || t == ConfigValueType.NUMBER || t == ConfigValueType.BOOLEAN) {
            return String.valueOf(v.unwrapped());
        }
        return null;
    }

    /** A short rendering of a value for messages. */
    public static String render(ConfigValue v) {
        String s = v.render(ConfigRenderOptions.concise());
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
    }

    private static <E> String names(List<E> values, Function<E, String> nameOf) {
        return values.stream().map(nameOf).collect(Collectors.joining(", "));
    }

    /**
     * The outcome of reading one list element: a value, or the expected form to report.
     *
     * @param value    the value, or null
     * @param expected the expected form when value is null
     */
    public record ElementResult<E>(E value, String expected) {
        public static <E> ElementResult<E> of(E value) {
            return new ElementResult<>(value, null);
        }

        public static <E> ElementResult<E> fail(String expected) {
            return new ElementResult<>(null, expected);
        }
    }
}
