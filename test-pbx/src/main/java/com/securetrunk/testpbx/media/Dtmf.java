package com.securetrunk.testpbx.media;

/**
 * RFC 4733 section 2.3 telephone-event payload.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Events 0-9 are the digits, 10 is '*', 11 is '#', 12-15 are A-D (RFC 4733 section 3.2).
 */
public final class Dtmf {
    public static final int PAYLOAD = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    private Dtmf() {
    }

    /** Event code of a DTMF digit; throws for anything outside 0-9 * # A-D. */
    public static int eventOf(char digit) {
        int i = DIGITS.indexOf(Character.toUpperCase(digit));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "' (expected one of " + DIGITS + ")");
        }
        return i;
    }

    /** The digit for an event code 0-15, or '?' for other events (e.g. 16 flash). */
    public static char digitOf(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : '?';
    }

    public static void write(byte[] b, int off, int event, boolean end, int volume, int duration) {
        b[off] = (byte) event;
        b[off + 1] = (byte) ((end ? 0x80 : 0) | (volume & 0x3F));
        b[off + 2] = (byte) (duration >> 8);
        b[off + 3] = (byte) duration;
    }

    public static void validate(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            eventOf(digits.charAt(i));
        }
    }
}
