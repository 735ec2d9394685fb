package com.securetrunk.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void comparesPartByPartNumerically() {
        assertThat(VersionRange.compare("13.8-cert2", "13.8-cert10")).isNegative();
        assertThat(VersionRange.compare("2.5", "2.5.5")).isNegative();
        assertThat(VersionRange.compare("16.0.0", "13.38.2")).isPositive();
        assertThat(VersionRange.compare("20.5.0", "20.5.0")).isZero();
    }

    @Test
    void formsParseAndContain() {
        VersionRange certified = VersionRange.parse("13.8-cert1..13.8-cert4");
        assertThat(certified.contains("13.8-cert2")).isTrue();
        assertThat(certified.contains("13.8-cert5")).isFalse();
        assertThat(certified.contains("13.11.0")).isFalse();
        VersionRange from16 = VersionRange.parse("16.0..");
        assertThat(from16.contains("20.5.0")).isTrue();
        assertThat(from16.contains("13.38.2")).isFalse();
        VersionRange upTo20 = VersionRange.parse("11..20");
        assertThat(upTo20.contains("20.17.0")).isTrue(); // an upper bound includes its sub-versions
        assertThat(upTo20.contains("21.0.0")).isFalse();
        VersionRange exact = VersionRange.parse("2.5.5");
        assertThat(exact.contains("2.5.5")).isTrue();
        assertThat(exact.contains("2.5")).isFalse();
        assertThat(exact.contains("2.6")).isFalse();
        assertThat(VersionRange.parse("*").contains("anything")).isTrue();
        assertThat(certified).hasToString("13.8-cert1..13.8-cert4");
        assertThat(VersionRange.parse("..13.18")).hasToString("..13.18");
        assertThat(VersionRange.parse("*")).isEqualTo(VersionRange.ANY);
    }

    @Test
    void badFormsAreRefused() {
        assertThatThrownBy(() -> VersionRange.parse("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionRange.parse("20..16")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower bound above upper bound");
        assertThatThrownBy(() -> VersionRange.parse("1.0 beta")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionRange.parse("1...2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlsSettingsRefuseMinAboveMaxAndListJsseNames() {
        assertThatThrownBy(() -> new TlsSettings(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, true, WildcardPolicy.STRICT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TlsSettings(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, true, WildcardPolicy.STRICT).jsseProtocols())
                .containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(TlsVersion.fromName("TLSv1.1")).contains(TlsVersion.TLS_1_1);
        assertThat(TlsVersion.fromName("1.0")).contains(TlsVersion.TLS_1_0);
    }
}
