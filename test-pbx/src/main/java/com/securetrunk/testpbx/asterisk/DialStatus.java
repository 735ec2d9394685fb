package com.securetrunk.testpbx.asterisk;

/**
 * {@code DIALSTATUS} values in DialState/DialEnd events. RINGING is not final: Asterisk sends it as DialState, the
 * final ones as DialEnd. Each final status carries the OriginateResponse {@code Reason} (the last control frame,
 * {@code AST_CONTROL_*}) and the hangup cause Asterisk uses for it.
 */
public enum DialStatus {
    RINGING(3, HangupCause.NORMAL_CLEARING),
    ANSWER(4, HangupCause.NORMAL_CLEARING),
    BUSY(5, HangupCause.USER_BUSY),
    NOANSWER(3, HangupCause.NO_ANSWER),
    CONGESTION(8, HangupCause.CONGESTION),
    CHANUNAVAIL(0, HangupCause.DESTINATION_OUT_OF_ORDER),
    CANCEL(0, HangupCause.NORMAL_CLEARING);

    private final int originateReason;
    private final HangupCause cause;

    DialStatus(int originateReason, HangupCause cause) {
        this.originateReason = originateReason;
        this.cause = cause;
    }

    public int originateReason() {
        return originateReason;
    }

    public HangupCause cause() {
        return cause;
    }
}
