package com.securetrunk.profiles.load;

import com.securetrunk.profiles.hocon.ConfigProblem;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.hocon.ProblemSink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Loads profiles: the built-ins from the class path ({@code profiles/index.txt} lists them, one
 * {@code profiles/<name>.conf} each), plus user profiles from a directory ({@code *.conf}, one profile per file,
 * named after the file).
 *
 * <p>Inheritance: {@code extends = parent} makes every key the file does not set come from the resolved parent
 * (HOCON object merge, so a single nested key can be overridden; lists are replaced whole). A user profile with
 * the same name as a built-in replaces it, and may extend it by its own name. A profile without {@code extends}
 * must set every key. Cycles and missing parents are reported at the {@code extends} line.
 */
public final class ProfileLoader {

    /** Class-path directory of the built-in profiles. */
    public static final String BUILT_IN_DIRECTORY = "profiles/";
    private static final String INDEX = BUILT_IN_DIRECTORY + "index.txt";
    private static final String SUFFIX = ".conf";
    private static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]*";

    private final Map<String, ProfileSource> builtIns;
    private final Map<String, ProfileSource> users = new LinkedHashMap<>();
    private final Function<String, Optional<ProfileSource>> userLookup;
    private final Set<ConfigProblem> problems = new LinkedHashSet<>();
    private final ProblemSink sink = (origin, key, expected, found) ->
            problems.add(ConfigProblem.at(origin, key, expected, found));

    private ProfileLoader(Function<String, Optional<ProfileSource>> userLookup) {
        BuiltIns shipped = BuiltIns.INSTANCE;
        this.builtIns = shipped.sources();
        this.problems.addAll(shipped.parseProblems());
        this.userLookup = userLookup;
    }

    /**
     * The built-in files, parsed once per class loader: they cannot change while the process runs, and parsed
     * HOCON is immutable, so every load shares them.
     */
    private record BuiltIns(Map<String, ProfileSource> sources, List<ConfigProblem> parseProblems) {
        static final BuiltIns INSTANCE = read();

        private static BuiltIns read() {
            List<ConfigProblem> problems = new ArrayList<>();
            Map<String, ProfileSource> out = new TreeMap<>();
            ClassLoader cl = ProfileLoader.class.getClassLoader();
            for (String name : builtInNames(cl)) {
                String resource = BUILT_IN_DIRECTORY + name + SUFFIX;
                Optional<Config> raw;
                try {
                    raw = Optional.of(ConfigFactory.parseResources(cl, resource,
                            ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)));
                } catch (ConfigException e) {
                    raw = Optional.empty();
                    problems.add(parseProblem(resource, e));
                }
                out.put(name, new ProfileSource(name, Profile.BUILT_IN, true, raw));
            }
            return new BuiltIns(java.util.Collections.unmodifiableMap(out), List.copyOf(problems));
        }
    }

    /** The built-in profiles only (resolved once; the result is immutable). */
    public static LoadResult builtIns() {
        return BuiltInResult.INSTANCE;
    }

    private static final class BuiltInResult {
        static final LoadResult INSTANCE = resolveBuiltIns();

        private static LoadResult resolveBuiltIns() {
            ProfileLoader loader = new ProfileLoader(name -> Optional.empty());
            return loader.resolveAll(loader.builtIns.values());
        }
    }

    /** The built-in profiles, which must all be valid (they are tested to be). */
    public static ProfileCatalog builtInCatalog() {
        return builtIns().orThrow();
    }

    /**
     * The built-ins plus every {@code *.conf} in {@code userDirectory} (when present); user profiles replace built-ins
     * of the same name.
     */
    public static LoadResult load(Optional<Path> userDirectory) {
        if (userDirectory.isEmpty()) {
            return builtIns();
        }
        Map<String, ProfileSource> found = new TreeMap<>();
        ProfileLoader loader = new ProfileLoader(name -> Optional.ofNullable(found.get(name)));
        Path dir = userDirectory.get();
        if (!Files.isDirectory(dir)) {
            loader.problems.add(new ConfigProblem(dir.toString(), -1, "",
                    "a directory of profile files (*.conf)", "no such directory"));
        } else {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path f : files) {
                    loader.userSource(f).ifPresent(s -> found.put(s.name(), s));
                }
            } catch (IOException e) {
                loader.problems.add(new ConfigProblem(dir.toString(), -1, "", "a readable directory", e.toString()));
            }
        }
        Map<String, ProfileSource> all = new TreeMap<>(loader.builtIns);
        all.putAll(found);
        return loader.resolveAll(all.values());
    }

    /**
     * Validates one profile file. Its parent may be a built-in or another {@code .conf} file in the same directory.
     * The result's catalog holds the built-ins and, when valid, this profile.
     */
    public static LoadResult validateFile(Path file) {
        Map<String, Optional<ProfileSource>> siblings = new HashMap<>();
        ProfileLoader[] self = new ProfileLoader[1];
        Path dir = file.toAbsolutePath().getParent();
        self[0] = new ProfileLoader(name -> siblings.computeIfAbsent(name, n -> {
            Path sibling = dir.resolve(n + SUFFIX);
            return Files.isRegularFile(sibling) ? self[0].userSource(sibling) : Optional.empty();
        }));
        ProfileLoader loader = self[0];
        if (!Files.isRegularFile(file)) {
            loader.problems.add(new ConfigProblem(file.toString(), -1, "", "a readable profile file", "no such file"));
            return new LoadResult(new ProfileCatalog(List.of()), List.copyOf(loader.problems));
        }
        Optional<ProfileSource> source = loader.userSource(file);
        source.ifPresent(s -> siblings.put(s.name(), Optional.of(s)));
        // Only the file is resolved (the built-ins are valid and already resolved); its parents are read as needed.
        LoadResult own = loader.resolveAll(source.map(List::of).orElse(List.of()));
        List<Profile> profiles = new ArrayList<>(own.catalog().all());
        for (Profile builtIn : builtIns().catalog().all()) {
            if (own.catalog().find(builtIn.name()).isEmpty() && source.map(s -> !s.name().equals(builtIn.name()))
                    .orElse(true)) {
                profiles.add(builtIn);
            }
        }
        List<ConfigProblem> all = new ArrayList<>(builtIns().problems());
        own.problems().stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new LoadResult(new ProfileCatalog(profiles), all);
    }

    /** The profile name a file defines: its file name without {@code .conf}. */
    public static String profileNameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
    }

    private LoadResult resolveAll(Iterable<ProfileSource> sources) {
        List<Profile> valid = new ArrayList<>();
        for (ProfileSource s : sources) {
            resolve(s).flatMap(merged -> ProfileReader.read(s.name(), s.label(), merged, sink)).ifPresent(valid::add);
        }
        return new LoadResult(new ProfileCatalog(valid), List.copyOf(problems));
    }

    /** The profile's content with every ancestor merged under it, or empty after reporting why not. */
    private Optional<Config> resolve(ProfileSource source) {
        List<ProfileSource> chain = new ArrayList<>();
        ProfileSource current = source;
        while (true) {
            if (current.raw().isEmpty()) {
                return Optional.empty(); // its parse problem is already reported
            }
            chain.add(current);
            Config raw = current.raw().get();
            if (!raw.hasPath(ProfileKeys.EXTENDS)) {
                break;
            }
            ConfigValue ext = raw.getValue(ProfileKeys.EXTENDS);
            ConfigOrigin at = ext.origin();
            Object unwrapped = ext.unwrapped();
            if (!(unwrapped instanceof String parentName) || parentName.isBlank()) {
                sink.report(at, ProfileKeys.EXTENDS, "the name of the profile to inherit from", ext.render());
                return Optional.empty();
            }
            Optional<ProfileSource> parent = lookupParent(parentName, current);
            if (parent.isEmpty()) {
                sink.report(at, ProfileKeys.EXTENDS, "the name of a known profile (built-in: "
                        + String.join(", ", builtIns.keySet()) + ")", "\"" + parentName + "\" (no such profile)");
                return Optional.empty();
            }
            if (chain.contains(parent.get())) {
                StringBuilder cycle = new StringBuilder();
                for (ProfileSource c : chain.subList(chain.indexOf(parent.get()), chain.size())) {
                    cycle.append(c.name()).append(" -> ");
                }
                cycle.append(parent.get().name());
                sink.report(at, ProfileKeys.EXTENDS, "a parent chain that ends (extends must not loop)",
                        "a cycle: " + cycle);
                return Optional.empty();
            }
            current = parent.get();
        }
        Config merged = chain.get(chain.size() - 1).raw().get();
        for (int i = chain.size() - 2; i >= 0; i--) {
            merged = chain.get(i).raw().get().withFallback(merged);
        }
        try {
            return Optional.of(merged.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false)));
        } catch (ConfigException e) {
            sink.report(e.origin(), "", "substitutions (${...}) that refer to keys of the profile", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ProfileSource> lookupParent(String parentName, ProfileSource child) {
        if (!child.builtIn()) {
            if (parentName.equals(child.name())) {
                // a user profile refining the built-in it replaces; with no such built-in it is a cycle of one
                return Optional.ofNullable(builtIns.get(parentName)).or(() -> Optional.of(child));
            }
            Optional<ProfileSource> user = userLookup.apply(parentName);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.ofNullable(builtIns.get(parentName));
    }

    private Optional<ProfileSource> userSource(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : "";
        if (!name.matches(NAME_PATTERN)) {
            problems.add(new ConfigProblem(file.toString(), -1, "",
                    "a file name of lower-case letters, digits, '.', '-' and '_' ending in .conf (the profile's name)",
                    "\"" + fileName + "\""));
            return Optional.empty();
        }
        Optional<Config> raw;
        try {
            raw = Optional.of(ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)));
        } catch (ConfigException e) {
            raw = Optional.empty();
            problems.add(parseProblem(file.toString(), e));
        }
        return Optional.of(new ProfileSource(name, file.toString(), false, raw));
    }

    private static ConfigProblem parseProblem(String file, ConfigException e) {
        ConfigOrigin o = e.origin();
        String message = e.getMessage();
        if (o != null) {
            String prefix = o.description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        return new ConfigProblem(o == null ? file : ProblemSink.fileOf(o), o == null ? -1 : o.lineNumber(), "",
                "valid HOCON syntax", message);
    }

    /** The names listed in {@code profiles/index.txt} (one per line, # comments). */
    public static List<String> builtInNames() {
        return builtInNames(ProfileLoader.class.getClassLoader());
    }

    private static List<String> builtInNames(ClassLoader cl) {
        List<String> names = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + INDEX + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.replaceFirst("#.*", "").strip();
                if (!t.isEmpty()) {
                    names.add(t);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + INDEX, e);
        }
        return names;
    }
}
