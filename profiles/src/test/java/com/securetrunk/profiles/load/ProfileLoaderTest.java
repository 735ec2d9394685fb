package com.securetrunk.profiles.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.profiles.hocon.ConfigProblem;
import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.SrtpMode;
import com.securetrunk.profiles.SuiteName;
import com.securetrunk.profiles.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<ConfigProblem> problemsOf(Path file) {
        LoadResult r = ProfileLoader.validateFile(file);
        assertThat(r.valid()).as("expected problems").isFalse();
        return r.problems();
    }

    @Test
    void singleKeyOverrideKeepsEverythingElseFromTheParent() throws IOException {
        Path f = write("my-pbx.conf", """
                extends = pjsip-2.5.5
                identity.description = "Our front-desk phones"
                media.ptime = 30
                signalling.tls.min-version = "1.2"
                """);
        LoadResult r = ProfileLoader.validateFile(f);
        assertThat(r.problems()).isEmpty();
        Profile mine = r.catalog().get("my-pbx");
        Profile parent = r.catalog().get("pjsip-2.5.5");
        assertThat(mine.parent()).contains("pjsip-2.5.5");
        assertThat(mine.source()).isEqualTo(f.toString());
        assertThat(mine.media().ptime()).isEqualTo(30);
        assertThat(mine.tls().minVersion()).isEqualTo(TlsVersion.TLS_1_2);
        assertThat(mine.tls().maxVersion()).isEqualTo(parent.tls().maxVersion()); // sibling key in tls kept
        assertThat(mine.media().offerSuites()).isEqualTo(parent.media().offerSuites());
        assertThat(mine.media().telephoneEventPayloadType()).isEqualTo(96); // from the grandparent pjsip-2.5
        assertThat(mine.notes()).isEqualTo(parent.notes());
        assertThat(mine.identity().description()).isEqualTo("Our front-desk phones");
    }

    @Test
    void userDirectoryIsMergedAndMayReplaceAndRefineABuiltIn() throws IOException {
        write("twilio-secure.conf", """
                extends = twilio-secure
                media.offer-suites = [AES_CM_128_HMAC_SHA1_32]
                """);
        write("branch.conf", """
                extends = twilio-secure
                signalling.keep-alive-interval = 0s
                """);
        LoadResult r = ProfileLoader.load(Optional.of(dir));
        assertThat(r.problems()).isEmpty();
        ProfileCatalog c = r.catalog();
        assertThat(c.names()).contains("branch", "twilio-secure", "pjsip-2.5");
        assertThat(c.get("twilio-secure").builtIn()).isFalse();
        assertThat(c.get("twilio-secure").media().offerSuites()).containsExactly(SuiteName.AES_CM_128_HMAC_SHA1_32);
        // a user profile extending a replaced built-in gets the user's version
        assertThat(c.get("branch").media().offerSuites()).containsExactly(SuiteName.AES_CM_128_HMAC_SHA1_32);
        assertThat(c.get("branch").signalling().keepAliveInterval()).isEqualTo(Duration.ZERO);
        assertThat(c.get("branch").media().srtp()).isEqualTo(SrtpMode.REQUIRED);
    }

    @Test
    void unknownKeyIsReportedWithASuggestion() throws IOException {
        Path f = write("typo.conf", """
                extends = generic-rfc4568
                media {
                  srtpp = required
                }
                """);
        assertThat(problemsOf(f)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.keyPath()).isEqualTo("media.srtpp");
            assertThat(p.expected()).contains("did you mean 'media.srtp'");
            assertThat(p.found()).isEqualTo("unknown key 'srtpp'");
        });
    }

    @Test
    void wrongTypeIsReported() throws IOException {
        Path f = write("types.conf", """
                extends = generic-rfc4568
                signalling.default-port = "fifty"
                media.rtcp-mux = maybe
                signalling.keep-alive-interval = [1, 2]
                """);
        assertThat(problemsOf(f)).containsExactlyInAnyOrder(
                new ConfigProblem(f.toString(), 2, "signalling.default-port", "an integer from 1 to 65535", "\"fifty\""),
                new ConfigProblem(f.toString(), 3, "media.rtcp-mux", "a boolean (true or false)", "\"maybe\""),
                new ConfigProblem(f.toString(), 4, "signalling.keep-alive-interval",
                        "a duration such as 30s, 500ms or 5m, at least 0ms", "[1,2]"));
    }

    @Test
    void unknownAndUnsupportedSuiteNamesAreReportedPerElement() throws IOException {
        Path f = write("suites.conf", """
                extends = generic-rfc4568
                media.offer-suites = [AES_CM_128_HMAC_SHA1_80, AES_CM_129_HMAC_SHA1_80]
                media.accept-suites = [
                  AES_CM_128_HMAC_SHA1_80
                  AEAD_AES_256_GCM
                ]
                """);
        List<ConfigProblem> problems = problemsOf(f);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.keyPath()).isEqualTo("media.offer-suites[1]");
            assertThat(p.expected()).startsWith("an SRTP suite name, one of: AES_CM_128_HMAC_SHA1_80,");
            assertThat(p.found()).isEqualTo("\"AES_CM_129_HMAC_SHA1_80\"");
        });
        assertThat(problems.get(1)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.keyPath()).isEqualTo("media.accept-suites[1]");
            assertThat(p.expected()).contains("AEAD_AES_256_GCM is known (RFC 7714 section 14.2) but not supported");
        });
    }

    @Test
    void minTlsAboveMaxIsReportedAtMin() throws IOException {
        Path f = write("tls.conf", """
                extends = generic-rfc4568
                signalling.tls {
                  min-version = "1.3"
                  max-version = "1.2"
                }
                """);
        assertThat(problemsOf(f)).containsExactly(new ConfigProblem(f.toString(), 3, "signalling.tls.min-version",
                "a version not above signalling.tls.max-version (1.2)", "\"1.3\""));
    }

    @Test
    void extendsCycleIsReportedAtTheExtendsLine() throws IOException {
        write("a.conf", "extends = b\n");
        Path b = write("b.conf", "# b\nextends = a\n");
        Path a = dir.resolve("a.conf");
        List<ConfigProblem> problems = problemsOf(a);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(b.toString());
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.keyPath()).isEqualTo("extends");
            assertThat(p.expected()).isEqualTo("a parent chain that ends (extends must not loop)");
            assertThat(p.found()).isEqualTo("a cycle: a -> b -> a");
        });
        // a profile extending itself (not a built-in name) is a cycle too
        Path self = write("self.conf", "extends = self\n");
        assertThat(problemsOf(self)).singleElement()
                .satisfies(p -> assertThat(p.found()).isEqualTo("a cycle: self -> self"));
    }

    @Test
    void missingParentIsReportedWithTheKnownNames() throws IOException {
        Path f = write("orphan.conf", "identity.description = x\nextends = pjsip-2.6\n");
        assertThat(problemsOf(f)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.keyPath()).isEqualTo("extends");
            assertThat(p.expected()).contains("pjsip-2.5.5", "twilio-secure");
            assertThat(p.found()).isEqualTo("\"pjsip-2.6\" (no such profile)");
        });
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst() throws IOException {
        Path f = write("many.conf", """
                extends = generic-rfc4568
                identity.family = cisco
                media.srtp = mandatory
                media.ptime = 5
                signalling.transports = []
                notes.x { text = "t" }
                """);
        assertThat(problemsOf(f)).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "identity.family", "media.srtp", "media.ptime", "signalling.transports", "notes.x.source");
    }

    @Test
    void profileWithoutExtendsMustSetEveryKey() throws IOException {
        Path f = write("bare.conf", "identity { description = \"d\", family = generic, versions = \"*\" }\n");
        List<ConfigProblem> problems = problemsOf(f);
        assertThat(problems).extracting(ConfigProblem::keyPath).contains("media.srtp", "signalling.tls.min-version");
        assertThat(problems).allSatisfy(p -> assertThat(p.found()).isEqualTo("nothing (the key is missing)"));
    }

    @Test
    void srtpRequiredNeedsSuitesAndSyntaxErrorsNameTheLine() throws IOException {
        Path f = write("empty.conf", "extends = twilio-clear\nmedia.srtp = required\n");
        assertThat(problemsOf(f)).extracting(ConfigProblem::keyPath)
                .containsExactlyInAnyOrder("media.offer-suites", "media.accept-suites");
        Path broken = write("broken.conf", "extends = generic-rfc4568\nmedia {\n  srtp = \n");
        assertThat(problemsOf(broken)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(broken.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.expected()).isEqualTo("valid HOCON syntax");
        });
    }

    @Test
    void problemLineFormatIsFileLineKeyExpectedFound() {
        assertThat(new ConfigProblem("/x/y.conf", 7, "media.srtp", "one of: required, optional, off", "\"on\""))
                .hasToString("/x/y.conf:7: media.srtp: expected one of: required, optional, off, found \"on\"");
        assertThatThrownBy(() -> new LoadResult(new ProfileCatalog(List.of()),
                List.of(new ConfigProblem("f", -1, "", "e", "g"))).orThrow())
                .isInstanceOf(ProfileException.class).hasMessageContaining("f: expected e, found g");
    }

    @Test
    void writtenProfilesReadBackEqual() throws IOException {
        for (Profile p : ProfileLoader.builtInCatalog().all()) {
            Path f = write(p.name() + ".conf", ProfileWriter.write(p));
            LoadResult r = ProfileLoader.validateFile(f);
            assertThat(r.problems()).as(p.name()).isEmpty();
            Profile back = r.catalog().get(p.name());
            assertThat(back.identity()).isEqualTo(p.identity());
            assertThat(back.signalling()).isEqualTo(p.signalling());
            assertThat(back.media()).isEqualTo(p.media());
            assertThat(back.notes()).isEqualTo(p.notes());
            assertThat(back.parent()).isEmpty(); // the written form is complete: no extends needed
        }
    }

    @Test
    void validateFindsAParentBesideTheFile() throws IOException {
        write("site-base.conf", "extends = asterisk-pjsip-modern\nsignalling.tls.min-version = \"1.2\"\n");
        Path f = write("site-a.conf", "extends = site-base\nmedia.ptime = 40\n");
        LoadResult r = ProfileLoader.validateFile(f);
        assertThat(r.problems()).isEmpty();
        Profile p = r.catalog().get("site-a");
        assertThat(p.tls().minVersion()).isEqualTo(TlsVersion.TLS_1_2);
        assertThat(p.media().ptime()).isEqualTo(40);
        assertThat(p.media().crypto().tagZeroAccepted()).isTrue();
    }

    @Test
    void problemsInAParentFileNameTheParentFileAndLine() throws IOException {
        Path base = write("bad-base.conf", "extends = generic-rfc4568\n\nmedia.srtp = sometimes\n");
        Path child = write("child.conf", "extends = bad-base\n");
        assertThat(problemsOf(child)).containsExactly(new ConfigProblem(base.toString(), 3, "media.srtp",
                "one of: required, optional, off", "\"sometimes\""));
    }

    @Test
    void aFileNotNamedDotConfIsRefused() throws IOException {
        Path f = write("phones.txt", "extends = generic-rfc4568\n");
        assertThat(problemsOf(f)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.expected()).contains("ending in .conf");
        });
    }
}
