package com.securetrunk.testpbx.asterisk;

/** Q.850 causes Asterisk reports in Hangup events, with {@code ast_cause2str} texts. */
public enum HangupCause {
    UNKNOWN(0, "Unknown"),
    UNALLOCATED(1, "Unallocated (unassigned) number"),
    NO_ROUTE_DESTINATION(3, "No route to destination"),
    NORMAL_CLEARING(16, "Normal Clearing"),
    USER_BUSY(17, "User busy"),
    NO_USER_RESPONSE(18, "No user responding"),
    NO_ANSWER(19, "User alerting, no answer"),
    CALL_REJECTED(21, "Call Rejected"),
    DESTINATION_OUT_OF_ORDER(27, "Destination out of order"),
    CONGESTION(34, "Circuit/channel congestion"),
    INTERWORKING(127, "Interworking, unspecified");

    private final int code;
    private final String text;

    HangupCause(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The cause with this Q.850 number; numbers the simulator does not model map to {@link #UNKNOWN}. */
    public static HangupCause fromCode(int code) {
        for (HangupCause c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
