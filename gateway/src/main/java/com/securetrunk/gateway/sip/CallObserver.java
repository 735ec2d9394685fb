package com.securetrunk.gateway.sip;

/**
 * What the B2BUA reports about each call, once per event (never per packet): metrics and the call log listen here,
 * so the signalling code stays free of either. Called under the call's monitor on a JAIN-SIP thread: implementations
 * must be quick and must not call back into the B2BUA.
 */
public interface CallObserver {
    /** An INVITE was accepted for processing (a server transaction and a call exist). */
    void callStarted(CallSummary call);

    /** The caller got the 200 (the call is up). */
    void callAnswered(CallSummary call);

    /** The call is over, answered or not; {@link CallSummary#endReason()} says why. */
    void callEnded(CallSummary call);

    /**
     * A request was refused before any call existed, by a policy or a limit ({@code pbx-allowed-sources} 403,
     * {@code invite-rate-per-source} 503, ...), with the rule id its Warning and log line name.
     */
    default void requestRefused(Side side, int status, String rule) {
    }

    /** Observes nothing. */
    CallObserver NONE = new CallObserver() {
        @Override
        public void callStarted(CallSummary call) {
        }

        @Override
        public void callAnswered(CallSummary call) {
        }

        @Override
        public void callEnded(CallSummary call) {
        }
    };
}
