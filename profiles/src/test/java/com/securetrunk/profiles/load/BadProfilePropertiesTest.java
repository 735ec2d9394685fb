package com.securetrunk.profiles.load;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whatever a user writes into a profile, loading it never throws: it yields a profile or problems, and a value
 * of the wrong shape is reported at the key it was written to.
 */
class BadProfilePropertiesTest {

    private static final List<String> LEAF_KEYS = ProfileKeys.ALL.stream()
            .filter(k -> !k.equals(ProfileKeys.EXTENDS) && !k.startsWith(ProfileKeys.NOTES)).toList();

    @Provide
    Arbitrary<String> leafKeys() {
        return Arbitraries.of(LEAF_KEYS);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("\"\"", "0", "-1", "99999999999", "1.5", "true", "null", "[]", "[1, x]", "{}",
                "{ a = 1 }", "\"1.0\"", "\"1.3\"", "required", "off", "tolerate", "AES_CM_128_HMAC_SHA1_80",
                "[AEAD_AES_128_GCM]", "[udp, udp]", "30s", "-5s", "\"*\"", "\"9..1\"", "${nothing}");
    }

    @Property(tries = 100)
    void anyValueForAnyKeyGivesAProfileOrProblemsNeverAnException(@ForAll("leafKeys") String key,
                                                                   @ForAll("values") String value) {
        LoadResult r = validate("extends = generic-rfc4568\n" + key + " = " + value + "\n");
        if (!r.valid()) {
            assertThat(r.problems()).allSatisfy(p -> {
                assertThat(p.expected()).isNotBlank();
                assertThat(p.found()).isNotBlank();
            });
        }
        if (value.startsWith("{")) { // an object is never a valid leaf value
            assertThat(r.problems()).anySatisfy(p -> assertThat(p.keyPath()).startsWith(key));
        }
    }

    @Property(tries = 100)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 200) String text) {
        LoadResult r = validate(text);
        assertThat(r.valid() || !r.problems().isEmpty()).isTrue();
    }

    private static LoadResult validate(String text) {
        try {
            Path dir = Files.createTempDirectory("profile-prop");
            Path f = dir.resolve("prop.conf");
            Files.writeString(f, text);
            try {
                return ProfileLoader.validateFile(f);
            } finally {
                Files.delete(f);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
