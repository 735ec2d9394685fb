package com.securetrunk.testpbx.sip;

/**
 * Told about every state change of a {@link Call}. Called on the UA's signalling thread: return quickly
 * and do not wait for other SIP events inside the callback.
 */
@FunctionalInterface
public interface CallListener {
    void onStateChanged(Call call, CallState state);
}
