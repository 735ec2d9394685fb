package com.securetrunk.gateway.media;

/**
 * The media plane as the SIP layer sees it. The embedded Netty relay implements it; an rtpengine backend
 * (ng protocol) can implement it later for deployments that need kernel forwarding or many nodes.
 *
 * <p>Life of a call: {@link #allocate} before the first SDP is written (the ports go into it), {@link #update}
 * once per completed offer/answer (first answer, and every re-INVITE: hold, resume, re-key, new address),
 * {@link #release} when the call ends. All methods are thread-safe and may block briefly (socket binding).
 */
public interface MediaRelay extends AutoCloseable {

    /**
     * Reserves ports for {@code streamCount} streams (two legs each) and opens their sockets.
     *
     * @throws MediaException {@code PORTS_EXHAUSTED} when the pool cannot serve every port; nothing stays allocated
     */
    Allocation allocate(SessionId id, int streamCount);

    /**
     * Applies negotiated parameters, one {@link StreamSpec} per allocated stream in the same order. Packets in
     * flight keep flowing: the change is applied between two packets on the session's event loop.
     */
    void update(SessionId id, java.util.List<StreamSpec> streams);

    /** Closes every socket of the session and returns all its ports to the pool at once. Unknown ids are ignored. */
    void release(SessionId id);

    /** A snapshot of the session's counters. */
    SessionStats stats(SessionId id);

    /** Counters summed over every session since the relay started (released sessions included). */
    LegStats totals();

    /** Sessions currently allocated. */
    int sessionCount();

    @Override
    void close();
}
