package com.securetrunk.gateway.sdp.crypto;

import com.securetrunk.gateway.sdp.SdpParseException;
import com.securetrunk.gateway.srtp.MasterKey;
import com.securetrunk.gateway.srtp.SrtpSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * RFC 4568 section 9.2:
 * <pre>
 * a=crypto:&lt;tag&gt; &lt;crypto-suite&gt; &lt;key-params&gt; [&lt;session-params&gt;]
 * inline: key-salt ["|" lifetime] ["|" mki]      lifetime = ["2^"] 1*DIGIT      mki = mki-value ":" mki-length
 * </pre>
 */
class CryptoAttributeTest {

    static final String KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    static final String KEY2 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNk";

    @ParameterizedTest
    @ValueSource(strings = {
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4",
        "2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|1048576",
        "3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:32",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4;inline:" + KEY2 + "|2^20|2:4",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=1 UNENCRYPTED_SRTCP UNENCRYPTED_SRTP UNAUTHENTICATED_SRTP",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " WSH=128 FEC_ORDER=FEC_SRTP FEC_KEY=inline:" + KEY2 + "|2^20|1:4 -X_MINE=1",
        "0 AEAD_AES_256_GCM inline:" + KEY,
        "999999999 AES_256_CM_HMAC_SHA1_80 inline:6TBvSSANmhePMQiowUgOD16Pd6m4TOjHdFmckv0MhxJ8VU/l9Kf7vQQQlSNIVw==",
        "5 FOO_SUITE x-method:whatever",
    })
    void canonicalLinesRoundTrip(String value) throws Exception {
        CryptoAttribute c = CryptoAttribute.parse(value, 7);
        assertThat(c.toValue()).isEqualTo(value);
        assertThat(CryptoAttribute.parse(c.toValue(), 7)).isEqualTo(c);
    }

    @Test
    void fieldsAreTyped() throws Exception {
        CryptoAttribute c = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4;inline:" + KEY2
                + "|1048576|2:4 KDR=3 WSH=64", 1);
        assertThat(c.tag()).isEqualTo(1);
        assertThat(c.suite()).contains(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(c.keyParams()).hasSize(2);
        assertThat(c.keyParams().get(0).lifetime()).isEqualTo(new Lifetime(true, 20));
        assertThat(c.keyParams().get(0).lifetime().packets()).isEqualTo(1L << 20);
        assertThat(c.keyParams().get(0).mki()).isEqualTo(new Mki(1, 4));
        assertThat(c.keyParams().get(1).lifetime()).isEqualTo(new Lifetime(false, 1048576));
        assertThat(c.sessionParams()).containsExactly(new SessionParam("KDR", "3"), new SessionParam("WSH", "64"));
    }

    @Test
    void toleratesExtraWhiteSpaceAndLowercaseSuiteNames() throws Exception {
        CryptoAttribute c = CryptoAttribute.parse("1  \taes_cm_128_hmac_sha1_80   inline:" + KEY + "  ", 1);
        assertThat(c.suite()).contains(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(c.toValue()).isEqualTo("1 aes_cm_128_hmac_sha1_80 inline:" + KEY);
    }

    @Test
    void unknownSuiteNamesParseButHaveNoSuite() throws Exception {
        assertThat(CryptoAttribute.parse("1 AES_CM_256_HMAC_SHA1_80 inline:" + KEY, 1).suite()).isEmpty();
    }

    /** The column must point at {@code at} (its first occurrence in the value), or one past the end for "END". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "no tag                 # AES_CM_128_HMAC_SHA1_80 inline:$K                # AES     # tag of 1-9 digits",
        "ten digit tag          # 1234567890 AES_CM_128_HMAC_SHA1_80 inline:$K     # 1234    # tag of 1-9 digits",
        "no suite               # 1  inline:$K                                     # :       # white space after the crypto-suite",
        "no key params          # 1 AES_CM_128_HMAC_SHA1_80                         # END     # white space after the crypto-suite",
        "no key method          # 1 AES_CM_128_HMAC_SHA1_80 $K                     # $K      # key-method",
        "empty inline key       # 1 AES_CM_128_HMAC_SHA1_80 inline:                 # END     # base64 key||salt",
        "bad base64             # 1 AES_CM_128_HMAC_SHA1_80 inline:ab*cd            # *       # base64 character",
        "lifetime too long      # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|2^49         # 2^49    # lifetime of at most 2^48",
        "lifetime not a number  # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|2^x          # 2^x     # lifetime",
        "mki length 0           # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|1:0          # 0       # MKI length 1-128",
        "mki length 129         # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|1:129        # 129     # MKI length 1-128",
        "two mkis               # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|1:4|2:4      # 2:4     # at most one MKI",
        "lifetime after mki     # 1 AES_CM_128_HMAC_SHA1_80 inline:$K|1:4|2^20     # 2^20    # lifetime before MKI",
        "kdr 25                 # 1 AES_CM_128_HMAC_SHA1_80 inline:$K KDR=25       # KDR     # KDR=<0-24>",
        "wsh below 64           # 1 AES_CM_128_HMAC_SHA1_80 inline:$K WSH=10       # WSH     # WSH=",
        "bad fec order          # 1 AES_CM_128_HMAC_SHA1_80 inline:$K FEC_ORDER=X  # FEC     # FEC_ORDER=FEC_SRTP",
        "flag with value        # 1 AES_CM_128_HMAC_SHA1_80 inline:$K UNENCRYPTED_SRTP=1 # UNENC # UNENCRYPTED_SRTP without a value",
        "bad fec key            # 1 AES_CM_128_HMAC_SHA1_80 inline:$K FEC_KEY=nokey # FEC_KEY # FEC_KEY=<key-params>",
        "lone dash              # 1 AES_CM_128_HMAC_SHA1_80 inline:$K -            # -       # a session parameter name",
    })
    void errorsNameLineColumnAndExpectation(String name, String value, String at, String expected) {
        String v = value.replace("$K", KEY);
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> CryptoAttribute.parse(v, 12));
        assertThat(e).as(name).isNotNull();
        assertThat(e.line()).isEqualTo(12);
        int index = "END".equals(at) ? v.length() : v.lastIndexOf(at.replace("$K", KEY));
        assertThat(e.column()).as(name + ": " + e.getMessage()).isEqualTo("a=crypto:".length() + 1 + index);
        assertThat(e.expected()).contains(expected);
        assertThat(e.getMessage()).doesNotContain(KEY);
    }

    @Test
    void keyLengthMustMatchTheSuite() throws Exception {
        KeyParam k = CryptoAttribute.parse("1 AES_256_CM_HMAC_SHA1_80 inline:" + KEY, 1).keyParams().get(0);
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> k.masterKey(SrtpSuite.AES_256_CM_HMAC_SHA1_80));
        assertThat(e.getMessage()).contains("expected 46 bytes of key||salt for AES_256_CM_HMAC_SHA1_80, found \"30 bytes\"");
        MasterKey m = k.masterKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(m.toInline()).isEqualTo(KEY);
        KeyParam longer = new KeyParam("inline", "6TBvSSANmhePMQiowUgOD16Pd6m4TOjHdFmckv0MhxJ8VU/l9Kf7vQQQlSNIVw==", null, null);
        assertThat(longer.masterKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, false).keyMaterial()).hasSize(30);
        assertThat(catchThrowableOfType(SdpParseException.class, () -> longer.masterKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80)))
                .isNotNull();
    }

    @Test
    void toStringNeverShowsKeys() throws Exception {
        CryptoAttribute c = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4 FEC_KEY=inline:" + KEY2, 1);
        assertThat(c.toString()).doesNotContain(KEY).doesNotContain(KEY2).contains("<redacted>");
        assertThat(c.keyParams().get(0).toString()).isEqualTo("inline:<redacted>|2^20|1:4");
        assertThat(c.toLine().toString()).doesNotContain(KEY);
        assertThat(List.of(c).toString()).doesNotContain(KEY);
    }
}
