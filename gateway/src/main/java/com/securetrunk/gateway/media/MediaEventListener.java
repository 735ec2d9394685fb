package com.securetrunk.gateway.media;

/**
 * What the relay tells the signalling layer. Called on a relay thread: implementations hand the event to
 * their own executor and return quickly.
 */
public interface MediaEventListener {
    /** No media in either direction on any stream of the session for {@code idleSeconds}: end the call. */
    void sessionTimedOut(SessionId id, long idleSeconds);

    MediaEventListener NONE = (id, idle) -> { };
}
