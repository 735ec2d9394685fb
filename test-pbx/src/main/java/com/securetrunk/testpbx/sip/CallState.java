package com.securetrunk.testpbx.sip;

/**
 * Life of a call as the application sees it. States only move forward:
 * CALLING (INVITE sent) or RINGING (incoming INVITE received / 180 received) -> ANSWERED (200 OK sent or
 * received) -> ENDED. A call can end from any state.
 */
public enum CallState {
    CALLING,
    RINGING,
    ANSWERED,
    ENDED;

    boolean isAfter(CallState other) {
        return ordinal() > other.ordinal();
    }
}
