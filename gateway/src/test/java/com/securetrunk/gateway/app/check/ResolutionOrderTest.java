package com.securetrunk.gateway.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.ResolvedTarget;
import com.securetrunk.gateway.sip.Transport;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 3263 steps {@code check} shows, in the order they are taken, from a zone held in memory. */
class ResolutionOrderTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static final class Zone implements DnsTargetResolver.Lookup {
        final Map<String, List<DnsTargetResolver.Naptr>> naptr;
        final Map<String, List<DnsTargetResolver.Srv>> srv;
        final Map<String, List<InetAddress>> a;

        Zone(Map<String, List<DnsTargetResolver.Naptr>> naptr, Map<String, List<DnsTargetResolver.Srv>> srv, Map<String, List<InetAddress>> a) {
            this.naptr = naptr;
            this.srv = srv;
            this.a = a;
        }

        @Override
        public List<DnsTargetResolver.Naptr> naptr(String name) {
            return naptr.getOrDefault(name, List.of());
        }

        @Override
        public List<DnsTargetResolver.Srv> srv(String name) {
            return srv.getOrDefault(name, List.of());
        }

        @Override
        public List<InetAddress> addresses(String name) {
            return a.getOrDefault(name, List.of());
        }
    }

    @Test
    void naptrThenSrvThenAddressesAndTheCertificateNameStaysTheDomain() throws Exception {
        Zone zone = new Zone(
                Map.of("example.com", List.of(
                        new DnsTargetResolver.Naptr(20, 10, "s", "SIP+D2U", "_sip._udp.example.com"),
                        new DnsTargetResolver.Naptr(10, 10, "s", "SIPS+D2T", "_sips._tcp.example.com"))),
                Map.of("_sips._tcp.example.com", List.of(
                        new DnsTargetResolver.Srv(20, 0, 5061, "b.example.com."),
                        new DnsTargetResolver.Srv(10, 0, 5062, "a.example.com."))),
                Map.of("a.example.com", List.of(ip("192.0.2.1")), "b.example.com", List.of(ip("192.0.2.2"))));
        RecordingLookup rec = new RecordingLookup(zone, Map.of());
        List<ResolvedTarget> out = new DnsTargetResolver(rec).resolve("example.com", 0, Transport.TLS);
        assertThat(out).extracting(t -> t.address().getAddress().getHostAddress() + ":" + t.address().getPort())
                .containsExactly("192.0.2.1:5062", "192.0.2.2:5061");
        assertThat(out).allMatch(t -> t.hostName().equals("example.com"));
        assertThat(rec.steps()).containsExactly(
                "NAPTR example.com: 20 10 SIP+D2U -> _sip._udp.example.com, 10 10 SIPS+D2T -> _sips._tcp.example.com",
                "SRV _sips._tcp.example.com: 20 0 5061 b.example.com., 10 0 5062 a.example.com.",
                "A/AAAA a.example.com: 192.0.2.1",
                "A/AAAA b.example.com: 192.0.2.2");
    }

    @Test
    void withoutNaptrOrSrvTheDefaultPortOnTheAddressIsUsed() throws Exception {
        Zone zone = new Zone(Map.of(), Map.of(), Map.of("pbx.example.com", List.of(ip("192.0.2.7"))));
        RecordingLookup rec = new RecordingLookup(zone, Map.of());
        List<ResolvedTarget> out = new DnsTargetResolver(rec).resolve("pbx.example.com", 0, Transport.TLS);
        assertThat(out).singleElement().satisfies(t -> assertThat(t.address().getPort()).isEqualTo(5061));
        assertThat(rec.steps()).containsExactly("NAPTR pbx.example.com: none", "SRV _sips._tcp.pbx.example.com: none",
                "A/AAAA pbx.example.com: 192.0.2.7");
    }

    @Test
    void resolveOverrideAnswersWithoutNaptrAndAnExplicitPortSkipsSrv() throws Exception {
        Zone zone = new Zone(Map.of("x.test", List.of(new DnsTargetResolver.Naptr(1, 1, "s", "SIPS+D2T", "_sips._tcp.x.test"))),
                Map.of(), Map.of());
        RecordingLookup rec = new RecordingLookup(zone, Map.of("x.test", ip("127.0.0.1")));
        assertThat(new DnsTargetResolver(rec).resolve("x.test", 5071, Transport.TLS)).singleElement()
                .satisfies(t -> assertThat(t.address().getPort()).isEqualTo(5071));
        assertThat(rec.steps()).containsExactly("A/AAAA x.test: 127.0.0.1 (--resolve)");
    }

    @Test
    void targetUrisParse() {
        assertThat(CheckTarget.parse("sips:Example.COM")).isEqualTo(new CheckTarget("sips", null, "example.com", 0, Transport.TLS));
        assertThat(CheckTarget.parse("sip:alice@[::1]:5070;transport=tcp"))
                .isEqualTo(new CheckTarget("sip", "alice", "::1", 5070, Transport.TCP));
        assertThat(CheckTarget.parse("sip:alice@[::1]:5070").requestUri()).isEqualTo("sip:alice@[::1]:5070");
        assertThat(CheckTarget.parse("sip:10.0.0.1").transport()).isEqualTo(Transport.UDP);
    }
}
