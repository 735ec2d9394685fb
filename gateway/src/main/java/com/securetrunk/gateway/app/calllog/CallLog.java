package com.securetrunk.gateway.app.calllog;

import com.securetrunk.gateway.media.LegStats;
import com.securetrunk.gateway.sip.CallObserver;
import com.securetrunk.gateway.sip.CallSummary;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line when a call starts and one when it ends, as {@code key=value} pairs a person can read and a log
 * pipeline can split:
 * <pre>
 * call start id=.. from=legacy in-call-id=.. peer=10.0.0.5 profile=asterisk-chan_sip to-profile=twilio-secure
 * call end id=.. from=legacy in-call-id=.. out-call-id=.. peer=10.0.0.5 target=tls:x(1.2.3.4:5061)
 *   profiles=asterisk-chan_sip->twilio-secure suite=AES_CM_128_HMAC_SHA1_80 answered=true setup-ms=120
 *   duration-s=61.2 legacy-pkts-in=.. legacy-pkts-out=.. secure-pkts-in=.. secure-pkts-out=.. srtp-auth-fail=0 reason=bye-from-legacy
 *   [asterisk-channel=PJSIP/100-0001 uniqueid=.. linkedid=..]
 * </pre>
 * (the end line is one line). The outbound Call-ID is on the end line: it does not exist yet when the INVITE arrives.
 */
public final class CallLog implements CallObserver {
    /** The logger name: route it to its own file with a logback {@code <logger>} if wanted. */
    public static final String LOGGER = "securetrunk.calls";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void callStarted(CallSummary c) {
        if (LOG.isInfoEnabled()) {
            LOG.info("call start id={} from={} in-call-id={} peer={} profile={} to-profile={}", c.id(), side(c),
                    c.inCallId(), c.inPeer(), c.inProfile(), c.outProfile());
        }
    }

    @Override
    public void callAnswered(CallSummary c) {
        // the end line carries the answer and setup time
    }

    @Override
    public void callEnded(CallSummary c) {
        if (LOG.isInfoEnabled()) {
            LOG.info(endLine(c));
        }
    }

    /** The end line (also used by tests). */
    public static String endLine(CallSummary c) {
        LegStats l = c.legacyMedia() == null ? LegStats.ZERO : c.legacyMedia();
        LegStats s = c.secureMedia() == null ? LegStats.ZERO : c.secureMedia();
        return String.format(Locale.ROOT, "call end id=%s from=%s in-call-id=%s out-call-id=%s peer=%s target=%s"
                        + " profiles=%s->%s suite=%s answered=%s setup-ms=%d duration-s=%.1f"
                        + " legacy-pkts-in=%d legacy-pkts-out=%d secure-pkts-in=%d secure-pkts-out=%d srtp-auth-fail=%d reason=%s",
                c.id(), side(c), c.inCallId(), c.outCallId(), c.inPeer(), c.outPeer(), c.inProfile(), c.outProfile(),
                c.suite(), c.answered(), c.setupTime().toMillis(), c.duration().toMillis() / 1000.0,
                l.packetsIn(), l.packetsOut(), s.packetsIn(), s.packetsOut(), s.authFailures(),
                c.endReason().isEmpty() ? "ended" : c.endReason())
                + (c.pbxChannel().isEmpty() ? "" : " " + c.pbxChannel());
    }

    private static String side(CallSummary c) {
        return c.from().name().toLowerCase(Locale.ROOT);
    }
}
