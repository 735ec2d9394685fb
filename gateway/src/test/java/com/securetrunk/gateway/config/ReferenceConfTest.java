package com.securetrunk.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** reference.conf documents every key: each key, or the section holding it, carries a comment. */
class ReferenceConfTest {

    @Test
    void everyKeyOrItsSectionIsCommented() {
        Config reference = ConfigFactory.parseResources("reference.conf").getConfig(AppConfigLoader.ROOT);
        List<String> undocumented = new ArrayList<>();
        walk(reference.root(), "", false, undocumented);
        assertThat(undocumented).as("keys without a comment on them or their section").isEmpty();
    }

    private static void walk(ConfigObject object, String parent, boolean sectionCommented, List<String> out) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            String path = parent.isEmpty() ? e.getKey() : parent + "." + e.getKey();
            boolean commented = !e.getValue().origin().comments().isEmpty();
            if (e.getValue() instanceof ConfigObject child) {
                walk(child, path, commented || sectionCommented, out);
            } else if (!commented && !sectionCommented) {
                out.add(path);
            }
        }
    }

    @Test
    void everySecretKeyIsMarkedSecretInReferenceConf() {
        Config reference = ConfigFactory.parseResources("reference.conf").getConfig(AppConfigLoader.ROOT);
        for (String path : EffectiveConfig.SECRET_PATHS) {
            assertThat(reference.hasPath(path)).as(path).isTrue();
            assertThat(String.join("\n", reference.getValue(path).origin().comments())).as(path).contains("secret");
        }
    }
}
