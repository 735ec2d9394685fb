package com.securetrunk.gateway.sdp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SDP file of the corpus parses and writes back to the same bytes (STYLE habit 10). */
class CorpusRoundTripTest {

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("src/test/resources/fixtures/sdp"))) {
            return files.filter(p -> p.toString().endsWith(".sdp")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void writesTheSameBytes(Path file) throws Exception {
        String text = Files.readString(file);
        assertThat(text).as("corpus files are stored with CRLF").contains("\r\n").doesNotContain("\n\n");
        SessionDescription sdp = SdpParser.parse(text);
        assertThat(SdpWriter.write(sdp)).isEqualTo(text);
        assertThat(sdp.length()).isEqualTo(text.length());
        assertThat(SdpParser.parse(SdpWriter.write(sdp))).isEqualTo(sdp);
    }
}
