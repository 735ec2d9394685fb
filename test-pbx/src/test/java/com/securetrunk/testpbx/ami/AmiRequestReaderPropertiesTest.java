package com.securetrunk.testpbx.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a peer sends, the reader ends (EOF) without throwing, and every header line stays bounded. */
class AmiRequestReaderPropertiesTest {

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAndAlwaysReachEndOfStream(@ForAll @Size(max = 4000) byte[] bytes) throws IOException {
        AmiRequestReader reader = new AmiRequestReader(new ByteArrayInputStream(bytes));
        int results = 0;
        while (true) {
            AmiRequestReader.Result r = reader.next();
            if (r.kind() == AmiRequestReader.Kind.END_OF_STREAM) {
                break;
            }
            results++;
            assertThat(r.message().headers()).hasSizeLessThanOrEqualTo(AmiCodec.MAX_HEADERS);
            r.message().headers().forEach(h ->
                    assertThat(h.getKey().length() + h.getValue().length()).isLessThanOrEqualTo(AmiCodec.MAX_LINE_BYTES));
            assertThat(results).isLessThanOrEqualTo(bytes.length);
        }
    }

    @Property(tries = 200)
    void crlfFramedHeadersRoundTrip(@ForAll("names") String key, @ForAll("values") String value) throws IOException {
        AmiMessage m = AmiMessage.builder().add("Action", "Ping").add(key, value).build();
        AmiRequestReader reader = new AmiRequestReader(new ByteArrayInputStream(AmiCodec.encodeBytes(m)));
        AmiMessage back = reader.next().message();
        assertThat(back.get(key)).isEqualTo(value.stripLeading());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(30)
                .filter(s -> s.chars().allMatch(Character::isLetterOrDigit));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> values() {
        return net.jqwik.api.Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200);
    }
}
