package com.securetrunk.testpbx.sip;

import com.securetrunk.testpbx.media.AudioCodec;
import com.securetrunk.testpbx.media.AudioFault;
import com.securetrunk.testpbx.media.SrtpSuite;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How a {@link SipUa} behaves. Defaults imitate an Asterisk 13.8-cert2 chan_sip PBX on loopback: UDP and
 * TCP on ephemeral ports, no TLS, plain RTP only, PCMU then PCMA, telephone-event 101, auto-answer after
 * 100 ms, no authentication.
 */
public final class UaConfig {
    String name = "pbx";
    InetAddress address = InetAddress.getLoopbackAddress();
    int udpPort = 0;
    int tcpPort = 0;
    int tlsPort = -1;
    SSLContext sslContext;
    String user = "asterisk";
    String userAgent = "Asterisk PBX 13.8-cert2";
    SdpStyle sdpStyle = SdpStyle.CHAN_SIP;
    String sdpSessionName = "Asterisk PBX 13.8-cert2";
    List<AudioCodec> codecs = List.of(AudioCodec.PCMU, AudioCodec.PCMA);
    int dtmfPayloadType = 101;
    boolean acceptPlainRtp = true;
    List<SrtpSuite> acceptedSrtpSuites = List.of();
    boolean requireTls;
    String securityLabel = "";
    final Map<String, String> credentials = new LinkedHashMap<>();
    String realm = "sip.example.test";
    boolean autoAnswer = true;
    Duration answerDelay = Duration.ofMillis(100);
    Duration transactionTimeout = Duration.ofSeconds(32);
    AudioFault answerAudioFault = AudioFault.NONE;
    int maxCalls = 200;
    boolean earlyMedia;
    boolean ringing = true;

    public static UaConfig pbx() {
        return new UaConfig();
    }

    /** Name used in thread names and logs. */
    public UaConfig name(String n) {
        this.name = n;
        return this;
    }

    /** IP address to bind and advertise (Via, Contact, SDP). */
    public UaConfig address(InetAddress a) {
        this.address = a;
        return this;
    }

    /** Ports: -1 disables a transport, 0 picks an ephemeral port. */
    public UaConfig ports(int udp, int tcp, int tls) {
        this.udpPort = udp;
        this.tcpPort = tcp;
        this.tlsPort = tls;
        return this;
    }

    /** TLS key material (server certificate) and trust (for calls this UA places over TLS). */
    public UaConfig tls(SSLContext context) {
        this.sslContext = context;
        return this;
    }

    public UaConfig user(String u) {
        this.user = u;
        return this;
    }

    public UaConfig userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    /** SDP flavour and the {@code s=} name where that flavour has one (chan_sip: "Asterisk PBX &lt;version&gt;"). */
    public UaConfig sdp(SdpStyle style, String sessionName) {
        this.sdpStyle = style;
        this.sdpSessionName = sessionName;
        if (style == SdpStyle.PJSIP_2_5) {
            this.dtmfPayloadType = 96;
        }
        return this;
    }

    public UaConfig codecs(List<AudioCodec> c) {
        this.codecs = List.copyOf(c);
        return this;
    }

    public UaConfig dtmfPayloadType(int pt) {
        this.dtmfPayloadType = pt;
        return this;
    }

    /**
     * Media security when answering: whether RTP/AVP offers are accepted, which SRTP suites are accepted
     * in RTP/SAVP offers (empty: SAVP is refused), whether SIP must arrive over TLS, and a label that
     * prefixes refusal warnings (e.g. "Secure Media enabled").
     */
    public UaConfig mediaSecurity(boolean plainRtp, List<SrtpSuite> srtpSuites, boolean tlsRequired, String label) {
        this.acceptPlainRtp = plainRtp;
        this.acceptedSrtpSuites = List.copyOf(srtpSuites);
        this.requireTls = tlsRequired;
        this.securityLabel = label;
        return this;
    }

    /** Challenge INVITEs with digest authentication (RFC 3261 22.4) against this credential list. */
    public UaConfig credential(String user, String password) {
        credentials.put(user, password);
        return this;
    }

    public UaConfig realm(String r) {
        this.realm = r;
        return this;
    }

    /** Answer incoming calls by itself after {@code delay} (default: yes, 100 ms). */
    public UaConfig autoAnswer(boolean auto, Duration delay) {
        this.autoAnswer = auto;
        this.answerDelay = delay;
        return this;
    }

    /** Timer B/F (RFC 3261 17.1): how long to wait for a final response. Default 32 s. */
    public UaConfig transactionTimeout(Duration d) {
        this.transactionTimeout = d;
        return this;
    }

    /**
     * Simultaneous calls accepted before new INVITEs get 503 (each call holds a UDP socket and two threads).
     * Default 200.
     */
    public UaConfig maxCalls(int max) {
        this.maxCalls = max;
        return this;
    }

    /**
     * Send 180 Ringing on an incoming INVITE (default yes). Without it only 100 Trying goes out until the answer,
     * as from a gateway still waiting on its own far side: the caller sees a live transaction and no progress.
     */
    public UaConfig ringing(boolean ring) {
        this.ringing = ring;
        return this;
    }

    /** Send 183 Session Progress with the answer SDP and start media before answering (RFC 3960 early media). */
    public UaConfig earlyMedia(boolean early) {
        this.earlyMedia = early;
        return this;
    }

    /** Deliberate fault in the audio this UA sends on calls it answers. */
    public UaConfig answerAudioFault(AudioFault fault) {
        this.answerAudioFault = fault;
        return this;
    }
}
