package com.securetrunk.testpbx.secure;

import static org.assertj.core.api.Assertions.assertThat;

import com.securetrunk.testpbx.media.AudioReport;
import com.securetrunk.testpbx.media.SrtpSuite;
import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.SipMessage;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.Transport;
import com.securetrunk.testpbx.sip.UaConfig;
import com.securetrunk.testpbx.tls.TestPki;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The secure domain against a second instance of itself (TLS + SRTP through jitsi-srtp, audio checked both
 * ways) and against a plain UA sending each forbidden kind of call.
 */
class SecureDomainTest {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SecureDomain domain(SecureDomain.Config cfg) throws Exception {
        SecureDomain d = SecureDomain.start(cfg.autoAnswer(true, Duration.ofMillis(50)));
        open.add(d);
        return d;
    }

    /** A plain UA that trusts the test CA, to send calls the domain must refuse. */
    private SipUa client() throws Exception {
        SipUa ua = SipUa.start(UaConfig.pbx().name("client").tls(TestPki.shared().clientContext())
                .transactionTimeout(Duration.ofSeconds(5)));
        open.add(ua);
        return ua;
    }

    @Test
    void tlsSrtpCallBetweenTwoInstancesCarriesVerifiedAudioBothWays() throws Exception {
        SecureDomain callee = domain(SecureDomain.config().name("callee"));
        SecureDomain caller = domain(SecureDomain.config().name("caller").tlsPort(0));
        Call call = caller.call("sip:alice@127.0.0.1:" + callee.tlsPort() + ";secure=true");
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        assertThat(call.transport()).isEqualTo(Transport.TLS);
        assertThat(call.tlsInfo()).startsWith("TLSv1.");
        assertThat(call.localSdp()).contains("RTP/SAVP").contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:")
                .doesNotContain("_32").doesNotContain("|");
        assertThat(call.invite().requestUri()).doesNotContain("secure=true");
        call.sendDtmf("42#");
        Thread.sleep(1500); // the DTMF digits go out in this time
        Call incoming = callee.ua().calls().get(0);
        assertThat(incoming.awaitFramesMatched(50, WAIT)).as(incoming.audioReport().summary()).isTrue();
        assertThat(call.awaitFramesMatched(50, WAIT)).as(call.audioReport().summary()).isTrue();
        call.hangup();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.REMOTE_HANGUP);

        AudioReport out = call.audioReport();
        AudioReport in = incoming.audioReport();
        assertThat(out.media()).isEqualTo("SRTP AES_CM_128_HMAC_SHA1_80");
        assertThat(in.media()).isEqualTo("SRTP AES_CM_128_HMAC_SHA1_80");
        assertThat(out.problems(40)).as(out.summary()).isEmpty();
        assertThat(in.problems(40)).as(in.summary()).isEmpty();
        assertThat(in.dtmfReceived()).isEqualTo("42#");
    }

    @Test
    void acceptsTheOfferersFirstSuiteWith32BitTag() throws Exception {
        SecureDomain callee = domain(SecureDomain.config());
        Call call = client().call(CallRequest.to(callee.tlsUri("bob"))
                .srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_32, SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        assertThat(call.remoteSdp()).contains("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:");
        Call incoming = callee.ua().calls().get(0);
        assertThat(incoming.awaitFramesMatched(25, WAIT)).as(incoming.audioReport().summary()).isTrue();
        assertThat(call.awaitFramesMatched(25, WAIT)).as(call.audioReport().summary()).isTrue();
        call.hangup();
        assertThat(incoming.awaitState(CallState.ENDED, WAIT)).isTrue();
        assertThat(incoming.audioReport().problems(20)).as(incoming.audioReport().summary()).isEmpty();
        assertThat(call.audioReport().problems(20)).as(call.audioReport().summary()).isEmpty();
        assertThat(call.audioReport().media()).isEqualTo("SRTP AES_CM_128_HMAC_SHA1_32");
    }

    @Test
    void skipsAnUnsupportedFirstSuiteAndTakesTheNextInOfferOrder() throws Exception {
        SecureDomain callee = domain(SecureDomain.config());
        Call call = client().call(CallRequest.to(callee.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .rewriteOffer(sdp -> sdp.replace("a=crypto:1 AES_CM_128_HMAC_SHA1_80",
                        "a=crypto:3 AES_256_CM_HMAC_SHA1_80 inline:"
                                + "6TBvSSANmhePMQiowUgOD16Pd6m4TOjHdFmckv0MhxJ8VU/l9Kf7vQQQlSNIVw==\r\n"
                                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80")));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        assertThat(call.remoteSdp()).contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80");
    }

    private static EndReason refused(Call call) throws InterruptedException {
        assertThat(call.awaitState(CallState.ENDED, WAIT)).as("%s", call).isTrue();
        return call.endReason().orElseThrow();
    }

    @Test
    void secureMediaEnabledRefusesPlainSipOverUdpAndTcp() throws Exception {
        SecureDomain domain = domain(SecureDomain.config().plainPort(0));
        SipUa client = client();
        for (Transport t : new Transport[] {Transport.UDP, Transport.TCP}) {
            Call call = client.call(CallRequest.to("sip:bob@127.0.0.1:" + domain.plainPort(t)).transport(t)
                    .srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
            EndReason r = refused(call);
            assertThat(r.kind()).isEqualTo(EndReason.Kind.REJECTED);
            assertThat(r.status()).isEqualTo(488);
            assertThat(r.text()).contains("Warning: 399").contains("TLS");
        }
    }

    @Test
    void secureMediaEnabledRefusesRtpAvpOverTls() throws Exception {
        SecureDomain domain = domain(SecureDomain.config());
        EndReason r = refused(client().call(CallRequest.to(domain.tlsUri("bob"))));
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("SRTP is required").contains("RTP/AVP");
    }

    @Test
    void secureMediaEnabledRefusesKeysWithMki() throws Exception {
        SecureDomain domain = domain(SecureDomain.config());
        Call call = client().call(CallRequest.to(domain.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .rewriteOffer(sdp -> sdp.replaceAll("(a=crypto:1 \\S+ inline:\\S+)", "$1|2^31|1:4")));
        EndReason r = refused(call);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("MKI is not supported");
    }

    @Test
    void secureMediaEnabledRefusesAnOfferWithOnlyUnsupportedSuites() throws Exception {
        SecureDomain domain = domain(SecureDomain.config());
        Call call = client().call(CallRequest.to(domain.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .rewriteOffer(sdp -> sdp.replaceAll("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\\S+",
                        "a=crypto:1 AEAD_AES_256_GCM inline:"
                                + "6TBvSSANmhePMQiowUgOD16Pd6m4TOjHdFmckv0MhxJ8VU/l9Kf7vQQQlSNIVw==")));
        EndReason r = refused(call);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("AEAD_AES_256_GCM").contains("not supported");
    }

    @Test
    void secureMediaDisabledRefusesSrtpAndAcceptsRtp() throws Exception {
        SecureDomain domain = domain(SecureDomain.config().secureMedia(false).plainPort(0));
        SipUa client = client();
        EndReason r = refused(client.call(CallRequest.to(domain.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)));
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.text()).contains("Secure Media disabled").contains("RTP/SAVP");

        Call plain = client.call(CallRequest.to("sip:bob@127.0.0.1:" + domain.plainPort(Transport.UDP)));
        assertThat(plain.awaitState(CallState.ANSWERED, WAIT)).as("%s", plain).isTrue();
        assertThat(plain.awaitFramesMatched(20, WAIT)).as(plain.audioReport().summary()).isTrue();
        plain.hangup();
        assertThat(plain.audioReport().problems(15)).as(plain.audioReport().summary()).isEmpty();
        assertThat(plain.audioReport().media()).isEqualTo("RTP");
    }

    @Test
    void digestChallengeWithoutWithAndWithWrongCredentials() throws Exception {
        SecureDomain domain = domain(SecureDomain.config().credential("trunk", "s3cret"));
        SipUa client = client();
        CallRequest base = CallRequest.to(domain.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        EndReason none = refused(client.call(base));
        assertThat(none.status()).isEqualTo(401);

        EndReason wrong = refused(client.call(CallRequest.to(domain.tlsUri("bob"))
                .srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80).credentials("trunk", "wrong")));
        assertThat(wrong.status()).isEqualTo(403);

        Call ok = client.call(CallRequest.to(domain.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80)
                .credentials("trunk", "s3cret"));
        assertThat(ok.awaitState(CallState.ANSWERED, WAIT)).as("%s", ok).isTrue();
        assertThat(ok.invite().header("Authorization")).contains("username=\"trunk\"");
        ok.hangup();
    }

    @Test
    void answersOptionsOverTlsWithoutChallenge() throws Exception {
        SecureDomain domain = domain(SecureDomain.config().credential("trunk", "s3cret"));
        SipMessage resp = client().options(domain.tlsUri("ping"), Transport.TLS, domain.tlsAddress())
                .get(5, TimeUnit.SECONDS);
        assertThat(resp.status()).isEqualTo(200);
    }

    @Test
    void wildcardCertificateIsPresentedAndAnExpiredOneFailsTheHandshake() throws Exception {
        SecureDomain wildcard = domain(SecureDomain.config().certificate(TestPki.Leaf.WILDCARD));
        SipUa client = client();
        Call call = client.call(CallRequest.to("sip:bob@pbx.sip.example.test;transport=tls")
                .destination(wildcard.tlsAddress()).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        call.hangup();

        SecureDomain expired = domain(SecureDomain.config().certificate(TestPki.Leaf.EXPIRED));
        Call failed = client.call(CallRequest.to(expired.tlsUri("bob")).srtp(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        EndReason r = refused(failed);
        assertThat(r.kind()).isEqualTo(EndReason.Kind.TRANSPORT_ERROR);
        assertThat(r.text()).containsIgnoringCase("handshake");
    }

    @Test
    void callsOutWithoutSecureParamAsPlainRtpOverUdp() throws Exception {
        SecureDomain domain = domain(SecureDomain.config());
        SipUa pbx = SipUa.start(UaConfig.pbx().name("pbx").autoAnswer(true, Duration.ofMillis(20)));
        open.add(pbx);
        Call call = domain.call(pbx.uri("100", Transport.UDP));
        assertThat(call.awaitState(CallState.ANSWERED, WAIT)).as("%s", call).isTrue();
        assertThat(call.localSdp()).contains("RTP/AVP").doesNotContain("crypto");
        call.hangup();
        assertThat(new InetSocketAddress(0).getPort()).isZero();
    }
}
