package com.securetrunk.gateway.sdp;

/**
 * An SDP (or a line in it) could not be used. Names the 1-based line and column, what was expected and
 * what was found, e.g. {@code SDP line 7, column 10: expected port 0-65535, found "70000"}.
 *
 * <p>Callers branch on {@link #kind()}; the SIP layer turns it into {@link #toRejection()} (400 for a
 * syntax error in the body, 488 when the body parses but cannot be used).
 */
public final class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_FOUND = 60;

    /** What went wrong, coarse enough to branch on. */
    public enum Kind {
        /** Not SDP syntax at this position. */
        SYNTAX,
        /** A limit we enforce on peer-controlled input (size, line count, media sections). */
        LIMIT,
        /** Syntax is fine but a value is out of range or unsupported (e.g. a crypto key of the wrong length). */
        VALUE
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public SdpParseException(Kind kind, int line, int column, String expected, String found) {
        super(format(line, column, expected, found));
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = shorten(found);
    }

    private static String format(int line, int column, String expected, String found) {
        String where = line > 0 ? "SDP line " + line + (column > 0 ? ", column " + column : "") : "SDP";
        return where + ": expected " + expected + ", found " + (found == null ? "end of input" : "\"" + shorten(found) + "\"");
    }

    private static String shorten(String found) {
        if (found == null) {
            return null;
        }
        String safe = SdpLine.redact(found).replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
        return safe.length() <= MAX_FOUND ? safe : safe.substring(0, MAX_FOUND) + "...";
    }

    /** Same problem located at {@code line} (column offset by {@code columnOffset}), for parsers of one value. */
    public SdpParseException at(int line, int columnOffset) {
        return new SdpParseException(kind, line, column > 0 ? column + columnOffset : 0, expected, found);
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line number, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** 400 for syntax and limits (the body is malformed), 488 for unusable values. */
    public Rejection toRejection() {
        return kind == Kind.VALUE
                ? Rejection.notAcceptableHere(Rejection.WARN_MISC, getMessage(), "sdp-value")
                : Rejection.badRequest(getMessage(), "sdp-syntax");
    }
}
