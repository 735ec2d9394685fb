package com.securetrunk.ami.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionNumberTest {

    @Test
    void parsesCertifiedAndPlainAsteriskVersions() {
        VersionNumber cert = VersionNumber.parse("13.8-cert2").orElseThrow();
        assertThat(cert.parts()).containsExactly(13, 8);
        assertThat(cert.cert()).isEqualTo(2);
        assertThat(cert.isCertified()).isTrue();
        assertThat(VersionNumber.parse("certified/13.8-cert2").orElseThrow().cert()).isEqualTo(2);
        assertThat(VersionNumber.parse("20.5.0").orElseThrow().parts()).containsExactly(20, 5, 0);
        assertThat(VersionNumber.parse("22.0.0-rc1").orElseThrow().major()).isEqualTo(22);
    }

    @Test
    void comparesNumericallyNotAlphabetically() {
        VersionNumber v2510 = VersionNumber.parse("2.10").orElseThrow();
        VersionNumber v255 = VersionNumber.parse("2.5.5").orElseThrow();
        VersionNumber v25 = VersionNumber.parse("2.5").orElseThrow();
        assertThat(v2510).isGreaterThan(v255);
        assertThat(v25).isLessThan(v255);
        assertThat(VersionNumber.parse("2.5.0").orElseThrow()).isEqualByComparingTo(v25);
        assertThat(VersionNumber.parse("13.18.1").orElseThrow().atLeast(13, 19)).isFalse();
        assertThat(VersionNumber.parse("13.19").orElseThrow().atLeast(13, 19)).isTrue();
    }

    @Test
    void nonNumericVersionsAreEmptyNotErrors() {
        assertThat(VersionNumber.parse("GIT-master-abc123")).isEmpty();
        assertThat(VersionNumber.parse("")).isEmpty();
        assertThat(VersionNumber.parse(null)).isEmpty();
        assertThat(VersionNumber.parse("99999999999999999999.1")).isEmpty();
    }
}
