package com.securetrunk.gateway.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** RFC 8866 section 5.7 connection addresses as IP literals (never DNS), and RFC 3605 {@code a=rtcp}. */
class ConnectionAndRtcpTest {

    @ParameterizedTest
    @CsvSource({"IP4, 192.0.2.7, 192.0.2.7", "IP4, 224.2.1.1/127, 224.2.1.1", "IP4, 224.2.1.1/127/3, 224.2.1.1",
            "IP6, 2001:db8::1, 2001:db8:0:0:0:0:0:1", "IP6, ::, 0:0:0:0:0:0:0:0", "IP6, ff15::101/3, ff15:0:0:0:0:0:0:101"})
    void literalsAreReadWithoutTheirMulticastSuffix(String addrType, String address, String expected) throws Exception {
        assertThat(new Connection("IN", addrType, address).inetAddress().getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN IP4 pbx.example.com", "IN IP4 localhost", "IN IP4 256.1.1.1", "IN IP4 1.2.3",
            "IN IP4 2001:db8::1", "IN IP6 192.0.2.7", "IN IP6 1:2", "IN IP6 fe80::1%eth0", "ATM NSAP 47.0005",
            "IN IP4 0x7f.1"})
    void anythingButAnInLiteralOfItsOwnTypeIsRefusedWithoutALookup(String value) throws Exception {
        Connection c = Connection.parse(value, 4);
        SdpParseException e = catchThrowableOfType(c::inetAddress, SdpParseException.class);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(SdpParseException.Kind.VALUE);
        assertThat(e.getMessage()).contains("IPv4 literal").contains(value);
    }

    @Test
    void rtcpWithPortOnlyOrWithAnAddressRoundTrips() throws Exception {
        RtcpAttribute portOnly = RtcpAttribute.parse("53020", 9);
        assertThat(portOnly).isEqualTo(new RtcpAttribute(53020, Optional.empty()));
        assertThat(portOnly.toLine()).isEqualTo(new SdpLine('a', "rtcp:53020"));
        RtcpAttribute withAddress = RtcpAttribute.parse("53020 IN IP6 2001:db8::5", 9);
        assertThat(withAddress.connection()).contains(new Connection("IN", "IP6", "2001:db8::5"));
        assertThat(withAddress.connection().get().inetAddress()).isEqualTo(InetAddress.getByName("2001:db8::5"));
        assertThat(withAddress.toLine()).isEqualTo(new SdpLine('a', "rtcp:53020 IN IP6 2001:db8::5"));
        assertThat(RtcpAttribute.parse("  53020\t", 9).port()).isEqualTo(53020);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "65536", "-1", "123456", "53020 IN IP4", "53020 IN IP4 192.0.2.1 extra"})
    void malformedRtcpIsASyntaxErrorNamingTheLine(String value) {
        SdpParseException e = catchThrowableOfType(() -> RtcpAttribute.parse(value, 9), SdpParseException.class);
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).startsWith("SDP line 9: expected a=rtcp:<port 0-65535>");
    }
}
