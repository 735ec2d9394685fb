package com.securetrunk.gateway.sdp.negotiation;

import com.securetrunk.gateway.sdp.SdpParser;
import com.securetrunk.gateway.sdp.SdpWriter;
import com.securetrunk.gateway.sdp.SessionDescription;
import com.securetrunk.gateway.srtp.MasterKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden offer/answer cases (STYLE habit 11), one directory per rule under {@code fixtures/sdp/<case>/}:
 * {@code case.properties} (source, operation, profile, expected refusal), {@code offer.in.sdp} and the exact
 * expected output, {@code offer.out.sdp} (forward) or {@code answer.out.sdp} (answer). Placeholders stand for what
 * the gateway invents: {@code CRYPTO128} / {@code CRYPTO256} for a fresh inline key of a 128/256-bit suite. The
 * relay is 203.0.113.10, ports from 30000. A missing expected file is written from the actual output (review it
 * before committing) and the case fails.
 */
class GoldenFixtureTest {

    static final Path ROOT = Paths.get("src/test/resources/fixtures/sdp");
    static final Relay RELAY = new Relay("203.0.113.10", 30000);

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws Exception {
        Path dir = ROOT.resolve(name);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"))) {
            p.load(r);
        }
        assertThat(p.getProperty("source")).as("every fixture names its source").isNotBlank();
        String op = p.getProperty("operation");
        if ("roundtrip".equals(op)) {
            return; // covered by CorpusRoundTripTest
        }
        SessionDescription offer = SdpParser.parse(Files.readString(dir.resolve("offer.in.sdp")));
        SdesPolicy profile = Policies.named(p.getProperty("profile"));
        SrtpKeyGenerator keys = new SrtpKeyGenerator();
        String actual;
        List<MasterKey> generated = new ArrayList<>();
        String expectedFile;
        try {
            if ("answer".equals(op)) {
                Answerer.Answered a = new Answerer(keys).answer(offer, profile, RELAY, List.of());
                a.streams().stream().filter(MediaStreamKeys::secure).forEach(s -> generated.add(s.ours()));
                actual = SdpWriter.write(a.answer());
                expectedFile = "answer.out.sdp";
            } else if ("forward".equals(op)) {
                SdesPolicy near = Policies.named(p.getProperty("near", "permissive"));
                OfferForwarder.Forwarded f = new OfferForwarder(keys).forward(offer, near, profile, RELAY, null);
                f.pending().streams().forEach(s -> generated.addAll(s.keysByTag().values()));
                actual = SdpWriter.write(f.offer());
                expectedFile = "offer.out.sdp";
            } else {
                throw new IllegalArgumentException(name + ": unknown operation " + op);
            }
        } catch (NegotiationRefused e) {
            if (!"refuse".equals(p.getProperty("expect"))) {
                fail(name + " was refused: " + e.rejection());
            }
            assertThat(e.rejection().status()).isEqualTo(Integer.parseInt(p.getProperty("status")));
            assertThat(e.rejection().ruleId()).isEqualTo(p.getProperty("rule"));
            assertThat(e.rejection().warning()).isEqualTo(p.getProperty("warning"));
            return;
        }
        assertThat(p.getProperty("expect", "ok")).as(name + " should have been refused").isEqualTo("ok");
        for (MasterKey k : generated) {
            assertThat(actual).as("our key is in the output").contains("inline:" + k.toInline());
            actual = actual.replace(k.toInline(), k.suite().keyLength() == 16 ? "CRYPTO128" : "CRYPTO256");
        }
        Path expectedPath = dir.resolve(expectedFile);
        if (!Files.exists(expectedPath)) {
            Files.writeString(expectedPath, actual, StandardCharsets.UTF_8);
            fail(name + ": wrote " + expectedPath + " from the actual output; review it");
        }
        assertThat(actual).isEqualTo(Files.readString(expectedPath));
    }

    /** CRYPTO128/CRYPTO256 in {@code expected} as regular expressions over the actual text. */
    static boolean matches(String expected, String actual) {
        Matcher m = Pattern.compile("CRYPTO128|CRYPTO256").matcher(expected);
        StringBuilder re = new StringBuilder();
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(expected.substring(last, m.start())));
            re.append(m.group().equals("CRYPTO128") ? "[A-Za-z0-9+/]{40}" : "[A-Za-z0-9+/]{62}==");
            last = m.end();
        }
        re.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(re.toString()).matcher(actual).matches();
    }
}
