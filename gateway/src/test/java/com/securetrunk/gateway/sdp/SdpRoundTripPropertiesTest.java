package com.securetrunk.gateway.sdp;

import com.securetrunk.gateway.sdp.crypto.CryptoAttribute;
import com.securetrunk.gateway.sdp.crypto.CryptoPropertiesTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** parse(write(x)) == x for generated descriptions (STYLE habit 10), typed views included. */
class SdpRoundTripPropertiesTest {

    @Property(tries = 300)
    void parseOfWriteIsIdentity(@ForAll("descriptions") SessionDescription sdp) throws Exception {
        String text = SdpWriter.write(sdp);
        assertThat(text.length()).isEqualTo(sdp.length());
        SessionDescription back = SdpParser.parse(text);
        assertThat(back).isEqualTo(sdp);
        assertThat(SdpWriter.write(back)).isEqualTo(text);
        for (int i = 0; i < sdp.media().size(); i++) {
            assertThat(back.media().get(i).mediaLine()).isEqualTo(sdp.media().get(i).mediaLine());
        }
        assertThat(back.origin()).isEqualTo(sdp.origin());
    }

    @Provide
    Arbitrary<SessionDescription> descriptions() {
        Arbitrary<List<SdpLine>> sessionExtras = Arbitraries.oneOf(attributes(), otherLines()).list().ofMaxSize(5);
        Arbitrary<List<MediaDescription>> media = mediaDescriptions().list().ofMaxSize(4);
        return Combinators.combine(origins(), connections().injectNull(0.3), sessionExtras, media)
                .as((o, c, extras, m) -> {
                    List<SdpLine> lines = new ArrayList<>();
                    lines.add(new SdpLine('v', "0"));
                    lines.add(o.toLine());
                    lines.add(new SdpLine('s', "-"));
                    if (c != null) {
                        lines.add(c.toLine());
                    }
                    lines.add(new SdpLine('t', "0 0"));
                    lines.addAll(extras);
                    return new SessionDescription(lines, m);
                });
    }

    static Arbitrary<String> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(i -> "198.51.100." + i),
                Arbitraries.integers().between(0, 255).map(i -> "203.0.113." + i),
                Arbitraries.integers().between(0, 0xffff).map(i -> "2001:db8::" + Integer.toHexString(i)),
                Arbitraries.just("0.0.0.0"));
    }

    static Arbitrary<Origin> origins() {
        Arbitrary<String> user = Arbitraries.oneOf(Arbitraries.just("-"), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> number = Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> Long.toString(n));
        return Combinators.combine(user, number, number, addresses())
                .as((u, id, v, a) -> new Origin(u, id, v, "IN", a.contains(":") ? "IP6" : "IP4", a));
    }

    static Arbitrary<Connection> connections() {
        return addresses().map(Connection::of);
    }

    static Arbitrary<MediaLine> mediaLines() {
        Arbitrary<String> media = Arbitraries.of("audio", "video", "application", "text", "xapplicationx");
        Arbitrary<String> proto = Arbitraries.of("RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", "udp");
        Arbitrary<List<String>> formats = Arbitraries.integers().between(0, 127).map(Object::toString).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(media, Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(0, 4), proto, formats).as(MediaLine::new);
    }

    static Arbitrary<MediaDescription> mediaDescriptions() {
        Arbitrary<List<SdpLine>> body = Arbitraries.oneOf(attributes(), otherLines(), connections().map(Connection::toLine),
                CryptoPropertiesTest.cryptoAttributes().map(CryptoAttribute::toLine)).list().ofMaxSize(8);
        return Combinators.combine(mediaLines(), body).as((m, b) -> {
            List<SdpLine> lines = new ArrayList<>();
            lines.add(m.toLine());
            lines.addAll(b);
            return new MediaDescription(lines);
        });
    }

    /** Visible text that may carry inner and trailing spaces, as real values do. */
    static Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', '\t').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
    }

    static Arbitrary<SdpLine> attributes() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_').ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(name, values().injectNull(0.3)).as(Attribute::new).map(Attribute::toLine);
    }

    static Arbitrary<SdpLine> otherLines() {
        return Combinators.combine(Arbitraries.of('b', 'i', 'u', 'e', 'p', 'k', 'r', 'z', 'y'), values()).as(SdpLine::new);
    }
}
