package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 3263 section 4 resolution order over a fixed record set. */
class DnsTargetResolverTest {

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DnsTargetResolver resolver(Map<String, List<DnsTargetResolver.Naptr>> naptr,
                                              Map<String, List<DnsTargetResolver.Srv>> srv,
                                              Map<String, List<InetAddress>> a) {
        return new DnsTargetResolver(new DnsTargetResolver.Lookup() {
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
        });
    }

    @Test
    void naptrPicksTheTlsServiceThenSrvByPriorityThenAddresses() {
        DnsTargetResolver r = resolver(
                Map.of("example.com", List.of(
                        new DnsTargetResolver.Naptr(10, 10, "s", "SIP+D2U", "_sip._udp.example.com"),
                        new DnsTargetResolver.Naptr(20, 10, "s", "SIPS+D2T", "_sips._tcp.tls.example.com"))),
                Map.of("_sips._tcp.tls.example.com", List.of(
                        new DnsTargetResolver.Srv(20, 0, 5071, "backup.example.com."),
                        new DnsTargetResolver.Srv(10, 0, 5061, "edge.example.com."))),
                Map.of("edge.example.com", List.of(ip("192.0.2.1")), "backup.example.com", List.of(ip("192.0.2.2"))));
        List<ResolvedTarget> t = r.resolve("example.com", 0, Transport.TLS);
        assertThat(t).extracting(x -> x.address().getAddress().getHostAddress() + ":" + x.address().getPort())
                .containsExactly("192.0.2.1:5061", "192.0.2.2:5071");
        assertThat(t).allMatch(x -> x.hostName().equals("example.com"), "the certificate must carry the domain (RFC 5922 section 4)");
    }

    @Test
    void withoutNaptrTheSrvPrefixOfTheTransportIsQueried() {
        DnsTargetResolver r = resolver(Map.of(),
                Map.of("_sips._tcp.example.com", List.of(new DnsTargetResolver.Srv(10, 0, 5062, "edge.example.com"))),
                Map.of("edge.example.com", List.of(ip("192.0.2.1"))));
        assertThat(r.resolve("example.com", 0, Transport.TLS)).extracting(x -> x.address().getPort()).containsExactly(5062);
    }

    @Test
    void withoutSrvTheAddressesAreUsedOnTheDefaultPort() {
        DnsTargetResolver r = resolver(Map.of(), Map.of(), Map.of("example.com", List.of(ip("192.0.2.1"), ip("2001:db8::1"))));
        assertThat(r.resolve("example.com", 0, Transport.TLS)).extracting(x -> x.address().getPort()).containsExactly(5061, 5061);
        assertThat(r.resolve("example.com", 0, Transport.UDP)).extracting(x -> x.address().getPort()).containsExactly(5060, 5060);
    }

    @Test
    void anExplicitPortSkipsNaptrAndSrv() {
        DnsTargetResolver r = resolver(
                Map.of("example.com", List.of(new DnsTargetResolver.Naptr(10, 10, "s", "SIPS+D2T", "_sips._tcp.example.com"))),
                Map.of("_sips._tcp.example.com", List.of(new DnsTargetResolver.Srv(10, 0, 5099, "other.example.com"))),
                Map.of("example.com", List.of(ip("192.0.2.1"))));
        assertThat(r.resolve("example.com", 5070, Transport.TLS)).extracting(x -> x.address().getPort()).containsExactly(5070);
    }

    @Test
    void ipLiteralsAreUsedAsTheyAre() {
        DnsTargetResolver r = resolver(Map.of(), Map.of(), Map.of());
        assertThat(r.resolve("[::1]", 0, Transport.TLS)).singleElement()
                .satisfies(x -> assertThat(x.address().getPort()).isEqualTo(5061));
        assertThat(r.resolve("nowhere.invalid", 0, Transport.TLS)).isEmpty();
    }
}
