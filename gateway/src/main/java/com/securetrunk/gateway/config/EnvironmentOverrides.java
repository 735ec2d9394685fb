package com.securetrunk.gateway.config;

import com.securetrunk.profiles.hocon.ConfigProblem;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns {@code SECURETRUNK_...} environment variables into a config layer.
 *
 * <p>Mapping: strip {@code SECURETRUNK_}, lower-case, {@code __} becomes {@code -}, {@code _} becomes {@code .},
 * and prefix {@code securetrunk.}: {@code SECURETRUNK_SIP_SECURE_TLS__PORT=5062} sets
 * {@code securetrunk.sip.secure.tls-port}. A value starting with {@code [} or {@code {} is parsed as a HOCON list
 * or object; anything else is a string (Typesafe Config converts it to the number, boolean or duration the key needs).
 * Each value's origin is "environment variable NAME", so problems name the variable.
 */
final class EnvironmentOverrides {

    static final String PREFIX = "SECURETRUNK_";

    private EnvironmentOverrides() {
    }

    /** The config path for a variable name, e.g. {@code securetrunk.sip.secure.tls-port}. */
    static String pathOf(String variable) {
        String rest = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        return AppConfigLoader.ROOT + "." + rest.replace("__", "-").replace('_', '.');
    }

    static Config layer(Map<String, String> environment, List<ConfigProblem> problems) {
        Config layer = ConfigFactory.empty("environment variables");
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String description = "environment variable " + name;
            String path = pathOf(name);
            try {
                ConfigUtil.splitPath(path);
            } catch (ConfigException.BadPath bad) {
                problems.add(new ConfigProblem(description, -1, path,
                        "a variable naming a key (SECURETRUNK_ + path, '.' as '_', '-' as '__')", name));
                continue;
            }
            try {
                layer = layer.withValue(path, value(e.getValue(), description));
            } catch (ConfigException bad) {
                // The value itself is not echoed: it may be a secret.
                problems.add(new ConfigProblem(description, -1, path, "a value (a list or object must be valid HOCON)",
                        "text that does not parse"));
            }
        }
        return layer;
    }

    private static ConfigValue value(String raw, String description) {
        String t = raw.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            return ConfigFactory.parseString("v = " + t, ConfigParseOptions.defaults().setOriginDescription(description))
                    .getValue("v");
        }
        return ConfigValueFactory.fromAnyRef(raw, description);
    }
}
