package com.securetrunk.gateway.config;

import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.hocon.HoconReader;
import com.securetrunk.profiles.hocon.ProblemSink;
import com.securetrunk.profiles.load.LoadResult;
import com.securetrunk.profiles.load.ProfileLoader;
import com.securetrunk.profiles.hocon.ConfigProblem;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the application configuration once: {@code SECURETRUNK_...} environment variables over the user's file
 * over {@code reference.conf}, all under the root key {@code securetrunk}; then validates everything and checks that
 * the profiles it names exist. Either a {@link LoadedConfig} or an {@link InvalidConfigException} listing every
 * problem.
 */
public final class AppConfigLoader {

    /** The root key of SecureTrunk's configuration. */
    public static final String ROOT = "securetrunk";

    private AppConfigLoader() {
    }

    /** Loads with the process environment. */
    public static LoadedConfig load(Optional<Path> userFile) throws InvalidConfigException {
        return load(userFile, System.getenv());
    }

    /**
     * Loads with an explicit environment (tests pass their own map).
     *
     * @param userFile    the {@code --config} file, if any
     * @param environment variables; only {@code SECURETRUNK_...} ones are used
     */
    public static LoadedConfig load(Optional<Path> userFile, Map<String, String> environment)
            throws InvalidConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        Config reference = ConfigFactory.parseResources(AppConfigLoader.class.getClassLoader(), "reference.conf",
                ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
        Config user = userFile.map(f -> parseUserFile(f, problems)).orElse(ConfigFactory.empty());
        Config env = EnvironmentOverrides.layer(environment, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        Config merged;
        try {
            merged = env.withFallback(user).withFallback(reference).resolve();
        } catch (ConfigException e) {
            problems.add(ConfigProblem.at(e.origin(), "", "substitutions (${...}) that resolve", e.getMessage()));
            throw new InvalidConfigException(problems);
        }
        ConfigValue root = merged.root().get(ROOT);
        if (!(root instanceof ConfigObject rootObject)) {
            problems.add(ConfigProblem.at(root == null ? merged.origin() : root.origin(), ROOT,
                    "an object: securetrunk { ... }", root == null ? "nothing" : HoconReader.render(root)));
            throw new InvalidConfigException(problems);
        }
        Config effective = rootObject.toConfig();

        Set<ConfigProblem> found = new LinkedHashSet<>();
        ProblemSink sink = (origin, key, expected, f) -> found.add(ConfigProblem.at(origin, key, expected,
                isSecret(key) ? Secret.REDACTED : f));
        HoconReader reader = new HoconReader(effective, ROOT + ".", sink);
        AppConfig config = new AppConfigReader(reader).read();

        ProfileCatalog catalog = null;
        if (config != null) {
            LoadResult profiles = ProfileLoader.load(config.profiles().directory());
            for (ConfigProblem p : profiles.problems()) {
                found.add(new ConfigProblem(p.file(), p.line(), p.keyPath(), p.expected(), p.found()));
            }
            catalog = profiles.catalog();
            checkProfile(effective, "pbx.profile", config.pbx().profile(), catalog, sink);
            checkProfile(effective, "secure-domain.profile", config.secureDomain().profile(), catalog, sink);
        }
        problems.addAll(found);
        if (!problems.isEmpty() || config == null) {
            throw new InvalidConfigException(problems);
        }
        return new LoadedConfig(config, catalog, effective);
    }

    private static void checkProfile(Config effective, String path, String name, ProfileCatalog catalog,
                                     ProblemSink sink) {
        if (catalog.find(name).isEmpty()) {
            sink.report(effective.getValue(path).origin(), ROOT + "." + path,
                    "the name of a valid profile (" + String.join(", ", catalog.names()) + ")",
                    "\"" + name + "\"");
        }
    }

    private static boolean isSecret(String keyPath) {
        return EffectiveConfig.SECRET_PATHS.stream().anyMatch(s -> keyPath.equals(ROOT + "." + s));
    }

    private static Config parseUserFile(Path file, List<ConfigProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new ConfigProblem(file.toString(), -1, "", "a readable configuration file (HOCON)",
                    Files.exists(file) ? "not a regular file" : "no such file"));
            return ConfigFactory.empty();
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException e) {
            ConfigOrigin o = e.origin();
            String message = e.getMessage();
            if (o != null && message.startsWith(o.description() + ": ")) {
                message = message.substring(o.description().length() + 2);
            }
            problems.add(new ConfigProblem(o == null ? file.toString() : ProblemSink.fileOf(o),
                    o == null ? -1 : o.lineNumber(), "", "valid HOCON syntax", message));
            return ConfigFactory.empty();
        }
        for (Map.Entry<String, ConfigValue> e : user.root().entrySet()) {
            if (!e.getKey().equals(ROOT)) {
                problems.add(ConfigProblem.at(e.getValue().origin(), e.getKey(),
                        "keys under the root 'securetrunk' (e.g. securetrunk.sip.secure.tls-port = 5061)",
                        "unknown top-level key '" + e.getKey() + "'"));
            }
        }
        return user;
    }
}
