package com.securetrunk.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from reference.conf (keys, defaults, the comments above each key) and must
 * match it: a key added, removed or re-documented in reference.conf fails this test until the doc is regenerated with
 * {@code mvn -B -pl gateway -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dsecuretrunk.docs.regenerate=true}.
 */
class ConfigurationDocTest {
    private static final Path REFERENCE = Paths.get("src/main/resources/reference.conf");
    private static final Path DOC = Paths.get("../docs/configuration.md");

    @Test
    void docsConfigurationMdIsGeneratedFromReferenceConf() throws Exception {
        String expected = generate();
        if (Boolean.getBoolean("securetrunk.docs.regenerate")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/configuration.md exists (regenerate: see this test's javadoc)").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/configuration.md is out of date with reference.conf; regenerate it (see ConfigurationDocTest)")
                .isEqualTo(expected);
    }

    @Test
    void everyLeafKeyOfReferenceConfIsNamedInTheDoc() throws Exception {
        Config ref = ConfigFactory.parseFile(REFERENCE.toFile());
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : ref.entrySet()) {
            keys.add(e.getKey());
        }
        assertThat(keys).hasSizeGreaterThan(30).allSatisfy(k -> assertThat(doc).contains("`" + k + "`"));
    }

    static String generate() throws Exception {
        List<String> raw = Files.readAllLines(REFERENCE, StandardCharsets.UTF_8);
        Config ref = ConfigFactory.parseFile(REFERENCE.toFile());
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("<!-- Generated from gateway/src/main/resources/reference.conf by ConfigurationDocTest; do not edit by hand.\n");
        md.append("     Regenerate: mvn -B -pl gateway -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dsecuretrunk.docs.regenerate=true -->\n\n");
        md.append("SecureTrunk reads one HOCON file (`securetrunk run --config FILE`). Every key below has the default shown;\n");
        md.append("write only what differs. The same text, with examples, is at the top of\n");
        md.append("[reference.conf](../gateway/src/main/resources/reference.conf):\n\n");
        for (String line : raw) {
            if (!line.startsWith("#")) {
                break;
            }
            md.append("> ").append(line.replaceFirst("^# ?", "")).append('\n');
        }
        md.append('\n');
        section(md, "securetrunk", ref.getObject("securetrunk"), raw);
        return md.toString();
    }

    private static String comments(ConfigValue v) {
        return String.join(" ", v.origin().comments().stream().map(String::trim).filter(c -> !c.isEmpty()).toList());
    }

    private static void section(StringBuilder md, String path, ConfigObject obj, List<String> raw) {
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(obj.entrySet());
        entries.sort(Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
        List<Map.Entry<String, ConfigValue>> leaves = entries.stream().filter(e -> e.getValue().valueType() != ConfigValueType.OBJECT).toList();
        if (!leaves.isEmpty()) {
            md.append("| key | default | meaning |\n|---|---|---|\n");
            for (Map.Entry<String, ConfigValue> e : leaves) {
                ConfigValue v = e.getValue();
                String meaning = comments(v); // Typesafe Config keeps the comments above a key and the one after it
                md.append("| `").append(path).append('.').append(e.getKey()).append("` | `")
                        .append(v.render(ConfigRenderOptions.concise()).replace("|", "\\|")).append("` | ")
                        .append(meaning.replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        for (Map.Entry<String, ConfigValue> e : entries) {
            if (e.getValue().valueType() == ConfigValueType.OBJECT) {
                String sub = path + "." + e.getKey();
                md.append("## `").append(sub).append("`\n\n");
                String comments = comments(e.getValue());
                if (!comments.isEmpty()) {
                    md.append(comments).append("\n\n");
                }
                section(md, sub, (ConfigObject) e.getValue(), raw);
            }
        }
    }
}
