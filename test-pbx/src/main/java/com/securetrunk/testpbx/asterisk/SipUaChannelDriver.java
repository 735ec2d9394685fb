package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.sip.Call;
import com.securetrunk.testpbx.sip.CallRequest;
import com.securetrunk.testpbx.sip.CallState;
import com.securetrunk.testpbx.sip.EndReason;
import com.securetrunk.testpbx.sip.NameAddr;
import com.securetrunk.testpbx.sip.SdpStyle;
import com.securetrunk.testpbx.sip.SipParseException;
import com.securetrunk.testpbx.sip.SipUa;
import com.securetrunk.testpbx.sip.SipUri;
import com.securetrunk.testpbx.sip.Transport;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the SIP user agent (package {@code sip}) to the simulated Asterisk: Originate places a real SIP call through
 * the trunk with the UA, and calls the UA receives are reported to the channel table, so both directions emit the
 * AMI events a real Asterisk would.
 *
 * <p>SIP final responses map to DIALSTATUS and hangup cause as chan_sip does ({@code handle_response_invite} and
 * {@code hangup_sip2cause}): 486/600/603 busy, 404 unallocated, 408/480 or no final answer no-answer, anything
 * else congestion.
 */
public final class SipUaChannelDriver implements ChannelDriver {

    private static final Logger LOG = LoggerFactory.getLogger(SipUaChannelDriver.class);

    private final SipUa ua;

    public SipUaChannelDriver(SipUa ua) {
        this.ua = ua;
    }

    /** Routes the UA's incoming calls to {@code pbx} (Newchannel, Newstate Ring/Up, Hangup). */
    public void deliverIncomingTo(IncomingCalls pbx) {
        ua.onIncomingCall(call -> {
            IncomingCalls.InboundChannel ch = pbx.incoming(source(call), exten(call), caller(call), handle(call));
            call.addListener((c, state) -> {
                if (state == CallState.ANSWERED) {
                    ch.answered();
                } else if (state == CallState.ENDED) {
                    ch.hungUp(c.endReason().map(SipUaChannelDriver::cause).orElse(HangupCause.NORMAL_CLEARING));
                }
            });
            // The listener hears only later changes: catch up if the call moved on meanwhile.
            if (call.state() == CallState.ANSWERED) {
                ch.answered();
            } else if (call.state() == CallState.ENDED) {
                ch.hungUp(call.endReason().map(SipUaChannelDriver::cause).orElse(HangupCause.NORMAL_CLEARING));
            }
        });
    }

    @Override
    public CallHandle dial(Trunk trunk, String exten, CallerId callerId, CallProgress progress) {
        Transport transport = Transport.parse(trunk.transport());
        String user = exten.isEmpty() ? "" : exten + "@";
        CallRequest req = CallRequest.to("sip:" + user + SipUri.hostForUri(trunk.host()) + ":" + trunk.port())
                .transport(transport)
                .destination(new InetSocketAddress(trunk.host(), trunk.port()))
                .sdpStyle(trunk.driver() == Trunk.Driver.PJSIP ? SdpStyle.PJSIP_2_5 : SdpStyle.CHAN_SIP);
        if (!callerId.number().isEmpty()) {
            req.from(callerId.number());
        }
        if (!callerId.name().isEmpty()) {
            req.displayName(callerId.name());
        }
        Call call = ua.call(req);
        ProgressRelay relay = new ProgressRelay(progress);
        call.addListener((c, state) -> relay.on(c, state));
        relay.on(call, call.state());
        return handle(call);
    }

    private static CallHandle handle(Call call) {
        return new CallHandle() {
            @Override
            public void hangup(HangupCause cause) {
                call.hangup();
            }

            @Override
            public void hangupDroppingBye(HangupCause cause) {
                call.hangupDroppingBye();
            }

            @Override
            public String sipCallId() {
                return call.callId();
            }
        };
    }

    /** Reports each state once and in order, whether it arrives through the listener or the catch-up read. */
    private static final class ProgressRelay {
        private final CallProgress progress;
        private final AtomicInteger reached = new AtomicInteger(CallState.CALLING.ordinal());
        private volatile boolean answered;

        ProgressRelay(CallProgress progress) {
            this.progress = progress;
        }

        synchronized void on(Call call, CallState state) {
            if (state.ordinal() <= reached.get()) {
                return;
            }
            reached.set(state.ordinal());
            switch (state) {
                case RINGING -> progress.ringing();
                case ANSWERED -> {
                    answered = true;
                    progress.answered();
                }
                case ENDED -> {
                    EndReason reason = call.endReason().orElse(new EndReason(EndReason.Kind.REMOTE_HANGUP, 0, ""));
                    if (answered) {
                        progress.remoteHangup(cause(reason));
                    } else {
                        progress.failed(dialStatus(reason), cause(reason));
                    }
                }
                default -> { }
            }
        }
    }

    static DialStatus dialStatus(EndReason r) {
        switch (r.kind()) {
            case CANCELLED:
            case LOCAL_HANGUP:
                return DialStatus.CANCEL;
            case TIMEOUT:
                return DialStatus.NOANSWER;
            case REJECTED:
            case REFUSED:
                switch (r.status()) {
                    case 486: case 600: case 603:
                        return DialStatus.BUSY;
                    case 404:
                        return DialStatus.CHANUNAVAIL;
                    case 408: case 480:
                        return DialStatus.NOANSWER;
                    default:
                        return DialStatus.CONGESTION;
                }
            default:
                return DialStatus.CONGESTION;
        }
    }

    static HangupCause cause(EndReason r) {
        switch (r.kind()) {
            case LOCAL_HANGUP:
            case REMOTE_HANGUP:
            case CANCELLED:
                return HangupCause.NORMAL_CLEARING;
            case TIMEOUT:
                return HangupCause.NO_ANSWER;
            case REJECTED:
            case REFUSED:
                switch (r.status()) {
                    case 486: case 600:
                        return HangupCause.USER_BUSY;
                    case 603:
                        return HangupCause.CALL_REJECTED;
                    case 404:
                        return HangupCause.UNALLOCATED;
                    case 408:
                        return HangupCause.NO_USER_RESPONSE;
                    case 480:
                        return HangupCause.NO_ANSWER;
                    default:
                        return HangupCause.CONGESTION;
                }
            default:
                return HangupCause.CONGESTION;
        }
    }

    /**
     * Where the INVITE came from, as chan_sip matches peers: the top Via's {@code received}/{@code rport} if
     * present, else its sent-by. (The UA's Call does not expose the packet source; its Via is what it sent from.)
     */
    static InetSocketAddress source(Call call) {
        String via = NameAddr.splitTopLevel(call.invite().header("Via")).get(0).trim();
        String sentBy = via.substring(via.indexOf(' ') + 1).trim();
        int semi = sentBy.indexOf(';');
        String params = semi >= 0 ? sentBy.substring(semi) : "";
        sentBy = semi >= 0 ? sentBy.substring(0, semi).trim() : sentBy;
        String host = sentBy;
        int port = call.transport() == Transport.TLS ? 5061 : 5060;
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            host = sentBy.substring(1, close);
            if (close + 2 < sentBy.length()) {
                port = Integer.parseInt(sentBy.substring(close + 2));
            }
        } else if (sentBy.indexOf(':') > 0) {
            host = sentBy.substring(0, sentBy.indexOf(':'));
            port = Integer.parseInt(sentBy.substring(sentBy.indexOf(':') + 1));
        }
        for (String p : params.split(";")) {
            String lower = p.trim().toLowerCase(Locale.ROOT);
            if (lower.startsWith("received=")) {
                host = p.trim().substring("received=".length());
            } else if (lower.startsWith("rport=")) {
                port = Integer.parseInt(p.trim().substring("rport=".length()));
            }
        }
        return new InetSocketAddress(host, port);
    }

    static String exten(Call call) {
        try {
            String user = SipUri.parse(call.invite().requestUri()).user();
            return user == null || user.isEmpty() ? "s" : user;
        } catch (SipParseException e) {
            LOG.debug("request URI without user: {}", e.getMessage());
            return "s";
        }
    }

    static CallerId caller(Call call) {
        String from = call.invite().header("From");
        String number = "";
        try {
            String user = SipUri.parse(NameAddr.uri(from)).user();
            number = user == null ? "" : user;
        } catch (SipParseException e) {
            LOG.debug("From URI unreadable: {}", e.getMessage());
        }
        String name = "";
        int lt = from.indexOf('<');
        if (lt > 0) {
            name = from.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
        }
        return new CallerId(name, number);
    }
}
