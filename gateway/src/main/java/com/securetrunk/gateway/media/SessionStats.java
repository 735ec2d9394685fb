package com.securetrunk.gateway.media;

import java.util.List;

/** Per-stream leg counters of one session, in stream order, and their total. */
public record SessionStats(SessionId id, List<StreamStats> streams, long idleMillis) {
    public SessionStats {
        streams = List.copyOf(streams);
    }

    /** Counters of one stream's two legs. */
    public record StreamStats(LegStats a, LegStats b) {
    }

    public LegStats total() {
        LegStats t = LegStats.ZERO;
        for (StreamStats s : streams) {
            t = t.plus(s.a()).plus(s.b());
        }
        return t;
    }
}
