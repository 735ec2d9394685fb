package com.securetrunk.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * For every key of reference.conf: a value of the wrong shape is refused at that key, and odd values give either a
 * valid config or problems, never another exception.
 */
class EveryKeyRefusesBadValuesTest {

    static Stream<String> keys() {
        return ConfigFactory.parseResources("reference.conf").getConfig(AppConfigLoader.ROOT).entrySet().stream()
                .map(Map.Entry::getKey).sorted();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void anObjectWhereAValueBelongsIsRefusedAtThatKey(String key) {
        String variable = "SECURETRUNK_" + key.toUpperCase().replace("-", "__").replace('.', '_');
        try {
            AppConfigLoader.load(Optional.empty(), Map.of(variable, "{ a = 1 }"));
            fail("an object for " + key + " was accepted");
        } catch (InvalidConfigException e) {
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.keyPath()).startsWith("securetrunk." + key);
                assertThat(p.file()).isEqualTo("environment variable " + variable);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("keys")
    void oddValuesGiveAConfigOrProblemsNeverACrash(String key) {
        String variable = "SECURETRUNK_" + key.toUpperCase().replace("-", "__").replace('.', '_');
        for (String odd : List.of("", "-1", "99999999999", "x y z", "[1, {}]", "0.0.0.0/0")) {
            try {
                AppConfigLoader.load(Optional.empty(), Map.of(variable, odd));
            } catch (InvalidConfigException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.expected()).isNotBlank());
            }
        }
    }

}
