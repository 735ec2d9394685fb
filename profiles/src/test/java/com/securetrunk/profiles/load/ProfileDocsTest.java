package com.securetrunk.profiles.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.profiles.Family;
import com.securetrunk.profiles.SuiteName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/profiles.md is the reference for every profile key: nothing in the model may be missing there. */
class ProfileDocsTest {

    private static String docs() throws IOException {
        // Maven runs a module's tests in the module directory; docs/ is at the repository root.
        Path p = Path.of("..", "docs", "profiles.md");
        return Files.readString(p);
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        String docs = docs();
        for (String key : ProfileKeys.ALL) {
            assertThat(docs).as("docs/profiles.md documents " + key).contains("`" + key + "`");
        }
    }

    @Test
    void everySuiteFamilyAndBuiltInIsDocumented() throws IOException {
        String docs = docs();
        for (SuiteName s : SuiteName.values()) {
            assertThat(docs).contains("`" + s.sdpName() + "`");
        }
        for (Family f : Family.values()) {
            assertThat(docs).contains("`" + f.configName() + "`");
        }
        for (String name : ProfileLoader.builtInNames()) {
            assertThat(docs).contains("`" + name + "`");
        }
    }
}
