package com.securetrunk.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

class AddressRangeTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void cidrBlocksMatchTheirAddressesOnly() throws Exception {
        AddressRange v4 = AddressRange.parse("192.0.2.0/24");
        assertThat(v4.contains(ip("192.0.2.0"))).isTrue();
        assertThat(v4.contains(ip("192.0.2.255"))).isTrue();
        assertThat(v4.contains(ip("192.0.3.0"))).isFalse();
        assertThat(v4.contains(ip("::ffff:192.0.2.1"))).isTrue(); // Java maps v4-mapped literals to Inet4Address
        AddressRange odd = AddressRange.parse("10.0.0.128/25");
        assertThat(odd.contains(ip("10.0.0.200"))).isTrue();
        assertThat(odd.contains(ip("10.0.0.127"))).isFalse();
        AddressRange v6 = AddressRange.parse("2001:db8::/32");
        assertThat(v6.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.contains(ip("2001:db9::1"))).isFalse();
        assertThat(v6.contains(ip("192.0.2.1"))).isFalse();
        assertThat(AddressRange.parse("198.51.100.7").contains(ip("198.51.100.7"))).isTrue();
        assertThat(AddressRange.parse("198.51.100.7").contains(ip("198.51.100.8"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(AddressRange.parse("::1")).hasToString("0:0:0:0:0:0:0:1/128");
    }

    @Test
    void badBlocksAreRefusedWithoutDnsLookups() {
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.1/24")).hasMessageContaining("host bits set");
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("pbx.example.com")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> AddressRange.parse("256.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
