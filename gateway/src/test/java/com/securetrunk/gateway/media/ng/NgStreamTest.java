package com.securetrunk.gateway.media.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.securetrunk.gateway.media.Direction;
import com.securetrunk.gateway.sdp.SdpParser;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the relay sends to, read from a peer's SDP: c= at either level, a=rtcp, hold, direction inheritance. */
class NgStreamTest {
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n";

    private static List<NgStream> read(String sdp) throws Exception {
        return NgStream.read(SdpParser.parse(sdp));
    }

    @Test
    void mediaLevelConnectionOverridesTheSessionsAndRtcpDefaultsToTheNextPort() throws Exception {
        List<NgStream> s = read(HEAD + "c=IN IP4 192.0.2.1\r\nt=0 0\r\na=sendonly\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n"
                + "m=audio 4002 RTP/AVP 0\r\nc=IN IP6 2001:db8::2\r\na=recvonly\r\n");
        assertThat(s.get(0).rtp()).isEqualTo(new InetSocketAddress("192.0.2.1", 4000));
        assertThat(s.get(0).rtcp()).isEqualTo(new InetSocketAddress("192.0.2.1", 4001));
        assertThat(s.get(0).direction()).as("inherited from the session").isEqualTo(Direction.SENDONLY);
        assertThat(s.get(1).rtp()).isEqualTo(new InetSocketAddress("2001:db8::2", 4002));
        assertThat(s.get(1).direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void rtcpAttributeGivesThePortAndWhenItNamesOneTheAddress() throws Exception {
        List<NgStream> s = read(HEAD + "c=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=rtcp:5001\r\n"
                + "m=audio 4002 RTP/AVP 0\r\na=rtcp:5003 IN IP4 192.0.2.9\r\n"
                + "m=audio 4004 RTP/AVP 0\r\na=rtcp:0\r\na=rtcp-mux\r\n");
        assertThat(s.get(0).rtcp()).isEqualTo(new InetSocketAddress("192.0.2.1", 5001));
        assertThat(s.get(1).rtcp()).isEqualTo(new InetSocketAddress("192.0.2.9", 5003));
        assertThat(s.get(1).rtp()).isEqualTo(new InetSocketAddress("192.0.2.1", 4002));
        assertThat(s.get(2).rtcp()).as("a=rtcp:0 means nothing; we never mux").isEqualTo(new InetSocketAddress("192.0.2.1", 4005));
        assertThat(s.get(0).direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void holdAddressMissingConnectionAndPortZeroGiveNoDestination() throws Exception {
        List<NgStream> s = read(HEAD + "t=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n"
                + "m=audio 4002 RTP/AVP 0\r\n"
                + "m=video 0 RTP/AVP 96\r\nc=IN IP4 192.0.2.1\r\n");
        assertThat(s).extracting(NgStream::rtp).containsOnlyNulls();
        assertThat(s).extracting(NgStream::rtcp).containsOnlyNulls();
        assertThat(s.get(2).direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void badAddressesNameTheStream() {
        assertThatThrownBy(() -> read(HEAD + "c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "m=audio 4002 RTP/AVP 0\r\na=rtcp:5003 IN IP4 rtcp.example.com\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("m= line 2: ")
                .hasMessageContaining("rtcp.example.com");
        assertThatThrownBy(() -> read(HEAD + "t=0 0\r\nm=video 0 RTP/AVP 96\r\nc=IN IP4 video.example.com\r\n"))
                .as("checked even on a disabled stream").hasMessageStartingWith("m= line 1: ");
    }
}
