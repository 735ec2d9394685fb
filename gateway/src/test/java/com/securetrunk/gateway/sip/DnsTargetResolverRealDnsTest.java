package com.securetrunk.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3263 resolution through the product's JNDI lookups against a real DNS server (dnsmasq) that serves NAPTR, SRV
 * and A records: the record parsing and the order of the steps, on the wire. DnsTargetResolverTest covers the
 * ordering rules with in-memory records.
 */
class DnsTargetResolverRealDnsTest {
    @TempDir
    static Path dir;
    private static Dnsmasq dns;
    private static DnsTargetResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        dns = new Dnsmasq()
                // NAPTR: the UDP service comes first by order, but a TLS lookup must skip it (RFC 3263 section 4.1)
                .naptr("carrier.example.test", 10, 10, "S", "SIP+D2U", "_sip._udp.carrier.example.test")
                .naptr("carrier.example.test", 20, 10, "S", "SIPS+D2T", "_sips._tcp.tls-edges.carrier.example.test")
                .srv("_sips._tcp.tls-edges.carrier.example.test", "edge-b.carrier.example.test", 5071, 20, 10)
                .srv("_sips._tcp.tls-edges.carrier.example.test", "edge-a.carrier.example.test", 5061, 10, 10)
                .srv("_sip._udp.carrier.example.test", "edge-u.carrier.example.test", 5090, 10, 10)
                .a("edge-a.carrier.example.test", "127.0.0.11")
                .a("edge-b.carrier.example.test", "127.0.0.12")
                .a("edge-u.carrier.example.test", "127.0.0.13")
                // no NAPTR: the transport's SRV prefix is queried
                .srv("_sips._tcp.srv-only.example.test", "edge-s.srv-only.example.test", 5099, 10, 10)
                .a("edge-s.srv-only.example.test", "127.0.0.14")
                // neither NAPTR nor SRV: A on the default port
                .a("plain.example.test", "127.0.0.15")
                .start(dir);
        resolver = new DnsTargetResolver(DnsTargetResolver.jndiLookup(dns.server()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dns != null) {
            dns.close();
        }
    }

    private static List<String> addresses(List<ResolvedTarget> t) {
        return t.stream().map(x -> x.address().getAddress().getHostAddress() + ":" + x.address().getPort()).toList();
    }

    @Test
    void tlsFollowsTheSipsNaptrThenSrvPriorityThenA() throws Exception {
        List<ResolvedTarget> t = resolver.resolve("carrier.example.test", 0, Transport.TLS);
        assertThat(addresses(t)).as(dns.log()).containsExactly("127.0.0.11:5061", "127.0.0.12:5071");
        assertThat(t).allSatisfy(x -> assertThat(x.hostName()).as("the certificate must carry the domain (RFC 5922 "
                + "section 4), not the SRV target").isEqualTo("carrier.example.test"));
        assertThat(dns.log()).contains("query[NAPTR] carrier.example.test", "query[SRV] _sips._tcp.tls-edges.carrier.example.test");
    }

    @Test
    void udpFollowsTheSipNaptr() {
        assertThat(addresses(resolver.resolve("carrier.example.test", 0, Transport.UDP))).containsExactly("127.0.0.13:5090");
    }

    @Test
    void withoutNaptrTheSipsSrvOfTheNameIsUsed() {
        assertThat(addresses(resolver.resolve("srv-only.example.test", 0, Transport.TLS))).containsExactly("127.0.0.14:5099");
    }

    @Test
    void withoutNaptrAndSrvTheAddressOnTheDefaultPort() {
        assertThat(addresses(resolver.resolve("plain.example.test", 0, Transport.TLS))).containsExactly("127.0.0.15:5061");
        assertThat(addresses(resolver.resolve("plain.example.test", 0, Transport.TCP))).containsExactly("127.0.0.15:5060");
    }

    @Test
    void anExplicitPortSkipsNaptrAndSrv() {
        assertThat(addresses(resolver.resolve("carrier.example.test", 5080, Transport.TLS))).isEmpty(); // no A record
        assertThat(addresses(resolver.resolve("plain.example.test", 5080, Transport.TLS))).containsExactly("127.0.0.15:5080");
    }

    @Test
    void aNameWithNoRecordsResolvesToNothing() {
        assertThat(resolver.resolve("nowhere.example.test", 0, Transport.TLS)).isEmpty();
    }
}
