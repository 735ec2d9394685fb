package com.securetrunk.gateway.app;

import static com.securetrunk.gateway.app.CallChecks.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.gateway.sip.DnsTargetResolver;
import com.securetrunk.gateway.sip.Dnsmasq;
import com.securetrunk.testpbx.secure.SecureDomain;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secure-domain target configured by name only, resolved per RFC 3263 against a real DNS server (dnsmasq): NAPTR
 * to the SIPS service, SRV to two edges, the first dead. The call fails over to the second edge, is answered, audio
 * flows both ways, and the certificate is checked against the domain, not the SRV target (RFC 5922 section 4).
 */
class DnsRoutingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DOMAIN = TestPki.DOMAIN_HOST; // the name on the secure domain's certificate

    @TempDir
    Path dir;

    private Dnsmasq dns;
    private SecureDomain domain;
    private SipUa pbx;
    private Gateway gateway;

    @AfterEach
    void stop() throws Exception {
        CallChecks.closeLeavingNothing(gateway);
        CallChecks.closeAll(domain, pbx);
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void aTargetGivenByNameFollowsNaptrAndSrvAndFailsOverToTheLiveEdge() throws Exception {
        domain = SecureDomain.start(SecureDomain.config().name("domain"));
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort(); // closed again: connecting there is refused
        }
        dns = new Dnsmasq()
                .naptr(DOMAIN, 10, 10, "S", "SIPS+D2T", "_sips._tcp." + DOMAIN)
                .srv("_sips._tcp." + DOMAIN, "edge1." + DOMAIN, dead, 10, 10)
                .srv("_sips._tcp." + DOMAIN, "edge2." + DOMAIN, domain.tlsPort(), 20, 10)
                .a("edge1." + DOMAIN, "127.0.0.1")
                .a("edge2." + DOMAIN, "127.0.0.1")
                .start(dir);
        pbx = SipUa.start(UaConfig.pbx().name("pbx").ports(0, 0, -1));
        gateway = GatewayFixture.start(dir, pbx.port(Transport.UDP),
                "secure-domain { targets = [ { host = \"" + DOMAIN + "\" } ] }",
                new DnsTargetResolver(DnsTargetResolver.jndiLookup(dns.server())));

        AtomicReference<Call> incoming = new AtomicReference<>();
        domain.onIncomingCall(incoming::set);
        Call out = pbx.call(CallRequest.to("sip:+15551230001@127.0.0.1:"
                + gateway.legacyPort(com.securetrunk.gateway.sip.Transport.UDP)));
        assertThat(out.awaitState(CallState.ANSWERED, WAIT)).as("answered through the second SRV edge: %s\n%s", out,
                dns.log()).isTrue();
        Call in = incoming.get();
        assertThat(in).isNotNull();
        assertThat(in.awaitState(CallState.ANSWERED, WAIT)).isTrue();
        out.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        in.awaitFramesMatched(40, WAIT); // audio flows (a fixed sleep is too short under load)
        assertClean(out.audioReport(), "PBX hears the secure domain");
        assertClean(in.audioReport(), "secure domain hears the PBX");
        assertThat(dns.log()).contains("query[NAPTR] " + DOMAIN, "query[SRV] _sips._tcp." + DOMAIN,
                "query[A] edge1." + DOMAIN, "query[A] edge2." + DOMAIN);
        out.hangup();
        assertThat(in.awaitState(CallState.ENDED, WAIT)).as("BYE reached the secure domain").isTrue();
    }

}
