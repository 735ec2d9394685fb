package com.securetrunk.gateway.sdp.crypto;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** parse(write(x)) == x for generated RFC 4568 crypto attributes: every key-params form, lifetime, MKI, session params. */
public class CryptoPropertiesTest {

    @Property(tries = 500)
    void parseOfWriteIsIdentity(@ForAll("crypto") CryptoAttribute c) throws Exception {
        assertThat(CryptoAttribute.parse(c.toValue(), 1)).isEqualTo(c);
        for (KeyParam k : c.keyParams()) {
            if (k.keySalt().length() >= 12) {
                assertThat(c.toString()).doesNotContain(k.keySalt());
                assertThat(c.toLine().toString()).doesNotContain(k.keySalt());
            }
        }
    }

    @Provide
    Arbitrary<CryptoAttribute> crypto() {
        return cryptoAttributes();
    }

    public static Arbitrary<CryptoAttribute> cryptoAttributes() {
        Arbitrary<String> suite = Arbitraries.oneOf(
                Arbitraries.of("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AES_256_CM_HMAC_SHA1_80",
                        "AES_CM_256_HMAC_SHA1_80", "AEAD_AES_256_GCM", "F8_128_HMAC_SHA1_80"),
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '0', '1', '2').ofMinLength(1).ofMaxLength(30));
        return Combinators.combine(Arbitraries.integers().between(0, CryptoAttribute.MAX_TAG), suite,
                        keyParams().list().ofMinSize(1).ofMaxSize(3), sessionParams().list().ofMaxSize(4))
                .as(CryptoAttribute::new);
    }

    static Arbitrary<KeyParam> keyParams() {
        Arbitrary<String> key = Arbitraries.of(30, 46, 44, 28, 1, 2, 3).flatMap(n ->
                Arbitraries.bytes().array(byte[].class).ofSize(n).map(b -> Base64.getEncoder().encodeToString(b)));
        Arbitrary<Lifetime> lifetime = Arbitraries.oneOf(
                Arbitraries.integers().between(0, Lifetime.MAX_EXPONENT).map(Lifetime::powerOfTwo),
                Arbitraries.longs().between(0, 1L << Lifetime.MAX_EXPONENT).map(v -> new Lifetime(false, v)));
        Arbitrary<Mki> mki = Combinators.combine(Arbitraries.longs().between(0, 999_999_999_999L),
                Arbitraries.integers().between(1, Mki.MAX_LENGTH)).as(Mki::new);
        Arbitrary<KeyParam> inline = Combinators.combine(key, lifetime.injectNull(0.5), mki.injectNull(0.5))
                .as((k, l, m) -> new KeyParam("inline", k, l, m));
        Arbitrary<KeyParam> other = Combinators.combine(Arbitraries.of("uri", "x-key"),
                        Arbitraries.strings().withCharRange('!', '~').ofMinLength(0).ofMaxLength(20).filter(s -> s.indexOf(';') < 0))
                .as((m, info) -> new KeyParam(m, info, null, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, inline), net.jqwik.api.Tuple.of(1, other));
    }

    static Arbitrary<SessionParam> sessionParams() {
        return Arbitraries.oneOf(
                Arbitraries.of(SessionParam.UNENCRYPTED_SRTP, SessionParam.UNENCRYPTED_SRTCP, SessionParam.UNAUTHENTICATED_SRTP)
                        .map(n -> new SessionParam(n, null)),
                Arbitraries.integers().between(0, 24).map(n -> new SessionParam("KDR", Integer.toString(n))),
                Arbitraries.integers().between(64, 1 << 20).map(n -> new SessionParam("WSH", Integer.toString(n))),
                Arbitraries.of("FEC_SRTP", "SRTP_FEC").map(v -> new SessionParam("FEC_ORDER", v)),
                keyParams().filter(KeyParam::isInline).map(k -> new SessionParam("FEC_KEY", k.toText())),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8)
                        .map(n -> new SessionParam("-X" + n, null)));
    }
}
