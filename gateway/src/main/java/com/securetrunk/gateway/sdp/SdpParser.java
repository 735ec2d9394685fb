package com.securetrunk.gateway.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SDP body tolerantly (RFC 8866 section 5, "be liberal in what you accept"):
 * <ul>
 *   <li>CRLF or bare LF line endings; a missing final line ending; blank lines are skipped;</li>
 *   <li>unknown line types and attributes are kept in order; optional lines may be missing;</li>
 *   <li>values are kept raw (trailing white space included) so {@link SdpWriter} reproduces them.</li>
 * </ul>
 * It is strict where a wrong value would mislead the negotiation: {@code v=} must come first and be 0, and
 * every {@code o=}, {@code c=} and {@code m=} line must parse. Control characters and inputs over the
 * {@link SdpLimits} are refused. Every failure is an {@link SdpParseException} naming the line.
 *
 * <p>Pure: no logging, no I/O, safe to call from any thread.
 */
public final class SdpParser {

    private SdpParser() {
    }

    public static SessionDescription parse(String text) throws SdpParseException {
        return parse(text, SdpLimits.DEFAULT);
    }

    public static SessionDescription parse(String text, SdpLimits limits) throws SdpParseException {
        if (text.length() > limits.maxBytes()) {
            throw new SdpParseException(SdpParseException.Kind.LIMIT, 0, 0,
                    "an SDP body of at most " + limits.maxBytes() + " characters", text.length() + " characters");
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        List<SdpLine> current = null;
        int lineNumber = 0;
        int lineCount = 0;
        int start = 0;
        boolean sawVersion = false;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int next = nl < 0 ? text.length() : nl + 1;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            lineNumber++;
            String raw = text.substring(start, end);
            start = next;
            if (raw.isBlank()) {
                continue;
            }
            if (++lineCount > limits.maxLines()) {
                throw new SdpParseException(SdpParseException.Kind.LIMIT, lineNumber, 0,
                        "at most " + limits.maxLines() + " lines", lineCount + " lines");
            }
            SdpLine line = parseLine(raw, lineNumber, limits);
            if (!sawVersion) {
                if (line.type() != 'v') {
                    throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 1,
                            "v=0 as the first line", raw);
                }
                sawVersion = true;
            }
            validate(line, lineNumber);
            if (line.type() == 'm') {
                if (media.size() + (current == null ? 0 : 1) == limits.maxMedia()) {
                    throw new SdpParseException(SdpParseException.Kind.LIMIT, lineNumber, 0,
                            "at most " + limits.maxMedia() + " media sections", (limits.maxMedia() + 1) + " m= lines");
                }
                if (current != null) {
                    media.add(new MediaDescription(current));
                }
                current = new ArrayList<>();
                current.add(line);
            } else if (current != null) {
                current.add(line);
            } else {
                session.add(line);
            }
        }
        if (!sawVersion) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 0, "v=0 as the first line", null);
        }
        if (current != null) {
            media.add(new MediaDescription(current));
        }
        return new SessionDescription(session, media);
    }

    /** {@code <type>=<value>}: a single lowercase letter, '=' with no space around it (RFC 8866 section 5). */
    private static SdpLine parseLine(String raw, int lineNumber, SdpLimits limits) throws SdpParseException {
        if (raw.length() > limits.maxLineLength()) {
            throw new SdpParseException(SdpParseException.Kind.LIMIT, lineNumber, limits.maxLineLength(),
                    "a line of at most " + limits.maxLineLength() + " characters", raw.length() + " characters");
        }
        char type = raw.charAt(0);
        if (type < 'a' || type > 'z') {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 1, "a line type letter a-z", raw);
        }
        if (raw.length() < 2 || raw.charAt(1) != '=') {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 2, "'=' after the line type", raw);
        }
        for (int i = 2; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, i + 1,
                        "no control characters", String.format("\\u%04x", (int) c));
            }
        }
        return new SdpLine(type, raw.substring(2));
    }

    private static void validate(SdpLine line, int lineNumber) throws SdpParseException {
        switch (line.type()) {
            case 'v' -> {
                if (!"0".equals(line.value().strip())) {
                    throw new SdpParseException(SdpParseException.Kind.VALUE, lineNumber, 3, "v=0", line.value());
                }
            }
            case 'o' -> Origin.parse(line.value(), lineNumber);
            case 'c' -> Connection.parse(line.value(), lineNumber);
            case 'm' -> MediaLine.parse(line.value(), lineNumber);
            default -> {
                // other lines are carried through as written
            }
        }
    }
}
