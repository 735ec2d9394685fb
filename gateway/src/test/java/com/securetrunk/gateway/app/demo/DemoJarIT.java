package com.securetrunk.gateway.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar securetrunk.jar demo} as a new user would: the packaged jar, a fresh empty working directory,
 * no configuration file, no environment of ours. Needs the jar, hence failsafe (mvn verify).
 */
class DemoJarIT {
    @TempDir
    Path home;

    @Test
    void demoPlacesACallEachWayWithVerifiedAudioAndExitsZero() throws Exception {
        Path jar = Paths.get(System.getProperty("securetrunk.jar", "target/securetrunk.jar")).toAbsolutePath();
        assertThat(jar).as("run mvn package first").exists();
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path stdout = home.resolve("stdout.txt");
        Path stderr = home.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "demo")
                .directory(home.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SECURETRUNK_"));
        Process p = pb.start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(done).as("demo finished within 240 s; output so far:%n%s%n%s", out, err).isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s%nstderr:%n%s", out, err).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("profiles ") && l.contains("asterisk-chan_sip") && l.contains("twilio-secure"));
        assertThat(lines).anyMatch(l -> l.startsWith("call 1 ") && l.endsWith("PBX -> secure domain: answered"));
        assertThat(lines).anyMatch(l -> l.startsWith("call 2 ") && l.endsWith("secure domain -> PBX: answered"));
        assertThat(lines.stream().filter(l -> l.trim().startsWith("tls ")).toList()).hasSize(2)
                .allMatch(l -> l.matches(".*TLSv1\\.[23] TLS_\\S+;.*")).anyMatch(l -> l.contains("matches exactly"));
        assertThat(lines.stream().filter(l -> l.trim().startsWith("srtp ")).toList()).hasSize(2)
                .allMatch(l -> l.contains("AES_CM_128_HMAC_SHA1_80"));
        assertThat(lines.stream().filter(l -> l.trim().startsWith("audio ")).toList()).hasSize(2)
                .allMatch(l -> l.contains("verified both ways"));
        assertThat(lines).anyMatch(l -> l.trim().startsWith("...") && l.contains("running"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("result        PASS: both calls succeeded with audio verified both ways");
        assertThat(err).as("no errors on stderr").doesNotContain("ERROR").doesNotContain("Exception");
        try (var left = Files.list(home)) {
            assertThat(left.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("the demo leaves nothing in the working directory").containsExactly("stderr.txt", "stdout.txt");
        }
    }

}
