package com.securetrunk.testpbx.sip;

/**
 * Builds the parts of SIP messages that carry this UA's identity and addresses (Via, Contact, responses
 * mirroring a request per RFC 3261 section 8.2.6.2, Warning headers per section 20.43). Pure apart from
 * reading the listening ports.
 */
final class Messages {
    private final UaConfig cfg;
    private final SipTransports transports;

    Messages(UaConfig cfg, SipTransports transports) {
        this.cfg = cfg;
        this.transports = transports;
    }

    String hostPort(Transport t) {
        int port = transports.port(t);
        if (port < 0) {
            port = transports.port(Transport.UDP);
        }
        return SipUri.hostForUri(cfg.address.getHostAddress()) + ":" + port;
    }

    String contact(String user, Transport t) {
        return "<sip:" + user + "@" + hostPort(t) + (t == Transport.UDP ? "" : ";transport=" + t.token().toLowerCase())
                + ">";
    }

    /** Adds a new top Via and returns its branch. */
    String addVia(SipMessage req, Transport t) {
        String branch = "z9hG4bK" + SipUa.randomHex(10);
        req.add("Via", "SIP/2.0/" + t.token() + " " + hostPort(t) + ";rport;branch=" + branch);
        return branch;
    }

    SipMessage response(SipMessage req, int status, String reason, String toTag) {
        SipMessage r = SipMessage.response(status, reason);
        r.copy(req, "Via");
        r.add("From", req.header("From"));
        String to = req.header("To");
        if (toTag != null && NameAddr.tag(to) == null && status > 100) {
            to = to + ";tag=" + toTag;
        }
        r.add("To", to);
        r.add("Call-ID", req.callId());
        r.add("CSeq", req.header("CSeq"));
        if (status >= 200 && status < 300 || status == 180) {
            r.copy(req, "Record-Route");
        }
        r.add("Server", cfg.userAgent);
        return r;
    }

    SipMessage withWarning(SipMessage r, String warning) {
        if (warning != null) {
            r.add("Warning", "399 " + cfg.address.getHostAddress() + " \"" + warning.replace('"', '\'') + "\"");
        }
        return r;
    }
}
