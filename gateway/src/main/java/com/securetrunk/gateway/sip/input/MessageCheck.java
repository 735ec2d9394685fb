package com.securetrunk.gateway.sip.input;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether one complete message may reach the stack, answering for JAIN-SIP RI 1.3.0-91 where it falls short:
 * <ul>
 *   <li>its version check can never fire ({@code Parser.sipVersion()} builds the "Expecting SIP/2.0" exception and
 *       discards it, then returns "SIP/2.0"), so the version is read here from the raw request line: 505;</li>
 *   <li>on TCP/TLS it drops, unanswered, a request whose Via, From, To, Call-ID, CSeq or Content-Length does not parse
 *       or is missing; on UDP it answers some of those 400 without saying why, and drops the rest: here each is 400
 *       with a Warning naming the header when it can be answered at all;</li>
 *   <li>a datagram whose Content-Length exceeds its body is processed with the body cut (RFC 4475 section 3.1.2.x
 *       "clerr" asks for 400).</li>
 * </ul>
 * The syntax check is JAIN-SIP's own parser run on the bytes, with the stack's rule for which header failures are
 * fatal (the ones its channels' {@code handleException} rethrows): what passes here parses identically in the stack.
 * That is a second parse of every message, about the cost of the first; on a trunk's signalling rates (hundreds of
 * messages a second) it is noise, and it keeps the rule in one place for all three transports.
 */
final class MessageCheck {
    static final String RULE_SYNTAX = "sip-syntax";
    static final String RULE_VERSION = "sip-version";
    static final String RULE_SIZE = "max-sip-message-size";
    private static final Set<Class<?>> FATAL = Set.of(From.class, To.class, CSeq.class, Via.class, CallID.class,
            ContentLength.class, RequestLine.class, StatusLine.class);
    private static final Pattern SIP_VERSION = Pattern.compile("(?i)SIP/\\d+\\.\\d+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    private final int maxMessageSize;
    private final StringMsgParser parser = new StringMsgParser(); // stateless: JAIN-SIP shares one across channels

    MessageCheck(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * A message over {@code limits.max-sip-message-size}: 413 if it is an answerable request, else dropped; a stream
     * that carried it is closed either way. {@code m} is what was read of it; {@code size} its size, or -1 if its header
     * section alone went past the limit.
     */
    Verdict oversized(RawSipMessage m, long size) {
        String what = size < 0 ? "header section" : "message of " + size + " bytes";
        String reason = what + " over limits.max-sip-message-size (" + maxMessageSize + " bytes)";
        return m.isResponse() ? Verdict.drop(reason, RULE_SIZE, m, true) : Verdict.answer(413, reason, RULE_SIZE, m, true);
    }

    /** The verdict on the complete message {@code b[0, len)}; {@code datagram}: it arrived whole in one UDP datagram. */
    Verdict inspect(byte[] b, int len, boolean datagram) {
        RawSipMessage m = RawSipMessage.scan(b, len);
        if (m.startLine().isEmpty()) {
            return Verdict.PASS; // CR/LF only: a keep-alive, which the stack answers (RFC 5626 section 4.4.1)
        }
        if (len > maxMessageSize) {
            return oversized(m, len);
        }
        Verdict first = m.isResponse() ? statusLine(m) : requestLine(m);
        if (first != null) {
            return first;
        }
        if (m.malformedLine() != null) {
            return bad(m, "header line without ':' (" + shorten(m.malformedLine()) + ")");
        }
        if (datagram && !m.isResponse() && m.bodyOffset() >= 0 && m.contentLength() > len - m.bodyOffset()) {
            return bad(m, "Content-Length " + m.contentLength() + " larger than the " + (len - m.bodyOffset())
                    + "-byte body of the datagram");
        }
        Recorder recorder = new Recorder();
        SIPMessage parsed;
        try {
            // as the stack parses: a datagram whole with its body (UDPMessageChannel), a stream message's header
            // section alone (PipelinedMsgParser; the framer has read exactly Content-Length bytes of body)
            int parseLength = datagram || m.bodyOffset() < 0 ? len : m.bodyOffset();
            parsed = parser.parseSIPMessage(Arrays.copyOf(b, parseLength), datagram, false, recorder);
        } catch (ParseException | RuntimeException e) {
            String what = recorder.broken != null ? "malformed " + recorder.broken : "unparsable message";
            return bad(m, what + " (" + shorten(String.valueOf(e.getMessage())) + ")");
        }
        if (parsed == null) {
            return bad(m, "unparsable message");
        }
        return parsed instanceof SIPRequest r ? request(m, r) : response(m, (SIPResponse) parsed);
    }

    private Verdict requestLine(RawSipMessage m) {
        String[] parts = m.startLine().split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || parts[1].isEmpty()) {
            return Verdict.drop("not a SIP request line (" + shorten(m.startLine()) + ")", RULE_SYNTAX, m, true);
        }
        if (parts[2].equalsIgnoreCase("SIP/2.0")) {
            return null;
        }
        if (SIP_VERSION.matcher(parts[2]).matches()) {
            return Verdict.answer(505, "SIP version " + parts[2] + " not supported (only SIP/2.0)", RULE_VERSION, m, false);
        }
        return Verdict.drop("not SIP (version " + shorten(parts[2]) + ")", RULE_SYNTAX, m, true);
    }

    private static Verdict statusLine(RawSipMessage m) {
        String[] parts = m.startLine().split(" ", 3);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("SIP/2.0") || !parts[1].matches("[1-6]\\d\\d")) {
            return Verdict.drop("malformed status line (" + shorten(m.startLine()) + ")", RULE_SYNTAX, m, false);
        }
        return null;
    }

    private Verdict request(RawSipMessage m, SIPRequest r) {
        List<String> missing = new ArrayList<>();
        if (r.getViaHeaders() == null || r.getViaHeaders().isEmpty()) {
            missing.add("Via");
        }
        if (r.getCallId() == null || r.getCallId().getCallId() == null || r.getCallId().getCallId().isBlank()) {
            missing.add("Call-ID");
        }
        if (r.getCSeq() == null) {
            missing.add("CSeq");
        }
        if (r.getFrom() == null) {
            missing.add("From");
        }
        if (r.getTo() == null) {
            missing.add("To");
        }
        if (!missing.isEmpty()) {
            return bad(m, "missing " + String.join(" and ", missing) + (missing.size() > 1 ? " headers" : " header"));
        }
        if (!r.getCSeq().getMethod().equalsIgnoreCase(r.getMethod())) {
            return bad(m, "CSeq method " + shorten(r.getCSeq().getMethod()) + " differs from the request method "
                    + shorten(r.getMethod()));
        }
        if (r.getRequestURI() instanceof SipUri u && (u.getHost() == null || u.getHost().isBlank())) {
            return bad(m, "Request-URI without host (" + shorten(r.getRequestURI().toString()) + ")");
        }
        return Verdict.PASS;
    }

    private static Verdict response(RawSipMessage m, SIPResponse r) {
        try {
            r.checkHeaders();
        } catch (ParseException e) {
            return Verdict.drop("response " + shorten(String.valueOf(e.getMessage())), RULE_SYNTAX, m, false);
        }
        return Verdict.PASS;
    }

    /** 400 if answerable, else dropped; a response is only ever dropped. */
    private static Verdict bad(RawSipMessage m, String reason) {
        return m.isResponse() ? Verdict.drop(reason, RULE_SYNTAX, m, false) : Verdict.answer(400, reason, RULE_SYNTAX, m, false);
    }

    static String shorten(String s) {
        String q = ErrorResponse.quotable(s);
        return q.length() > 60 ? q.substring(0, 57) + "..." : q;
    }

    /** Mirrors the stack's channels: a fatal header's failure aborts the parse, any other header is kept unparsed. */
    private static final class Recorder implements ParseExceptionListener {
        String broken;

        @Override
        public void handleException(ParseException ex, SIPMessage msg, @SuppressWarnings("rawtypes") Class headerClass,
                                    String headerText, String messageText) throws ParseException {
            if (headerClass != null && FATAL.contains(headerClass)) {
                broken = headerClass == RequestLine.class ? "request line" : headerClass == StatusLine.class ? "status line"
                        : headerName(headerText, headerClass);
                throw ex;
            }
            msg.addUnparsed(headerText);
        }

        private static String headerName(String text, Class<?> headerClass) {
            int colon = text == null ? -1 : text.indexOf(':');
            String name = colon > 0 ? text.substring(0, colon).trim() : headerClass.getSimpleName();
            return shorten(name) + " header";
        }
    }
}
