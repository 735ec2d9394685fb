package com.securetrunk.gateway.sdp;

import com.securetrunk.gateway.sdp.negotiation.Answerer;
import com.securetrunk.gateway.sdp.negotiation.NegotiationRefused;
import com.securetrunk.gateway.sdp.negotiation.OfferForwarder;
import com.securetrunk.gateway.sdp.negotiation.Relay;
import com.securetrunk.gateway.sdp.negotiation.SdesPolicies;
import com.securetrunk.gateway.sdp.negotiation.SrtpKeyGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signalling cost of the SDP step of one call, per direction: parse an offer, negotiate it per profile, write the
 * result. Offers are real bodies from the fixture corpus: a plain Asterisk chan_sip offer going to Twilio (two
 * fresh keys from SecureRandom) and a real pjsua 2.15.1 SRTP offer (4 crypto lines, 11 payload types) answered
 * under twilio-secure (one fresh key). {@code parseOnly} and {@code writeOnly} split the cost.
 *
 * <p>Run (bench profile, which compiles src/bench/java): {@code mvn -B -Pbench -pl gateway -am package -DskipTests}
 * then {@code java -jar gateway/target/benchmarks.jar SdpRewriteBenchmark}. Without the profile: compile
 * {@code gateway} ({@code mvn -B -pl gateway -am compile}), then {@code javac -processor
 * org.openjdk.jmh.generators.BenchmarkProcessor} this file against gateway/target/classes plus jmh-core,
 * jmh-generator-annprocess, jopt-simple and commons-math3 from ~/.m2, and run {@code org.openjdk.jmh.Main
 * SdpRewriteBenchmark} on that class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2) // C2 needs ~20 s to settle on this shared 2-core machine
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class SdpRewriteBenchmark {

    static final String CHAN_SIP_OFFER = "v=0\r\n"
            + "o=root 19191 19191 IN IP4 198.51.100.40\r\n"
            + "s=session\r\n"
            + "c=IN IP4 198.51.100.40\r\n"
            + "t=0 0\r\n"
            + "m=audio 13354 RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "a=silenceSupp:off - - - -\r\n"
            + "a=ptime:20\r\n"
            + "a=sendrecv\r\n";

    static final String PJSUA_2_15_1_OFFER = "v=0\r\n"
            + "o=- 4004696918 4004696918 IN IP4 198.51.100.20\r\n"
            + "s=pjmedia\r\n"
            + "b=AS:84\r\n"
            + "t=0 0\r\n"
            + "a=X-nat:0\r\n"
            + "m=audio 4000 RTP/SAVP 96 97 98 99 3 0 8 9 120 121 122\r\n"
            + "c=IN IP4 198.51.100.20\r\n"
            + "b=TIAS:64000\r\n"
            + "a=rtcp:4001 IN IP4 198.51.100.20\r\n"
            + "a=sendrecv\r\n"
            + "a=rtpmap:96 speex/16000\r\n"
            + "a=rtpmap:97 speex/8000\r\n"
            + "a=rtpmap:98 speex/32000\r\n"
            + "a=rtpmap:99 iLBC/8000\r\n"
            + "a=fmtp:99 mode=30\r\n"
            + "a=rtpmap:3 GSM/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:120 telephone-event/16000\r\n"
            + "a=fmtp:120 0-16\r\n"
            + "a=rtpmap:121 telephone-event/8000\r\n"
            + "a=fmtp:121 0-16\r\n"
            + "a=rtpmap:122 telephone-event/32000\r\n"
            + "a=fmtp:122 0-16\r\n"
            + "a=ssrc:2037353659 cname:6790ac333b2e260f\r\n"
            + "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:NUb5IMX1CPNSCI7nNdeiP8NeEoJ2jqCRLttNj4N0p0bI2rqcICg/m7NH9pwaIg==\r\n"
            + "a=crypto:2 AES_256_CM_HMAC_SHA1_32 inline:mX+iZHZK2DruTfnl2WCINM63QG4TiixpT/nfd7FDIfDVR+q9BxgEMqG10bVLjA==\r\n"
            + "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:uCKpvSFtW0P2X+bizquG+1VO9XUT4r51ean47p+E\r\n"
            + "a=crypto:4 AES_CM_128_HMAC_SHA1_32 inline:MFB7BjYUzQdYKleVtZL+ffwR5clvYAxpi814Mw7h\r\n";

    final Relay relay = new Relay("203.0.113.10", 30000);
    final SrtpKeyGenerator keys = new SrtpKeyGenerator();
    final OfferForwarder forwarder = new OfferForwarder(keys);
    final Answerer answerer = new Answerer(keys);
    SessionDescription parsedPjsua;

    @org.openjdk.jmh.annotations.Setup
    public void setup() throws SdpParseException {
        parsedPjsua = SdpParser.parse(PJSUA_2_15_1_OFFER);
    }

    /** PBX -> Twilio: parse the plain offer, rewrite to RTP/SAVP with two fresh keys, write. */
    @Benchmark
    public String rewritePbxOfferTowardTwilio() throws SdpParseException, NegotiationRefused {
        SessionDescription offer = SdpParser.parse(CHAN_SIP_OFFER);
        return SdpWriter.write(forwarder.forward(offer, SdesPolicies.LEGACY_PLAIN, SdesPolicies.TWILIO_SECURE, relay, null).offer());
    }

    /** pjsua 2.15.1 SRTP offer: parse, choose tag 3 under twilio-secure, answer with one fresh key, write. */
    @Benchmark
    public String answerPjsuaOffer() throws SdpParseException, NegotiationRefused {
        SessionDescription offer = SdpParser.parse(PJSUA_2_15_1_OFFER);
        return SdpWriter.write(answerer.answer(offer, SdesPolicies.TWILIO_SECURE, relay, List.of()).answer());
    }

    /** One fresh 30-byte key||salt from SecureRandom, the part of the above that is not SDP work. */
    @Benchmark
    public com.securetrunk.gateway.srtp.MasterKey freshKeyOnly() {
        return keys.generate(com.securetrunk.gateway.srtp.SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    }

    @Benchmark
    public SessionDescription parseOnly() throws SdpParseException {
        return SdpParser.parse(PJSUA_2_15_1_OFFER);
    }

    @Benchmark
    public String writeOnly() {
        return SdpWriter.write(parsedPjsua);
    }
}
