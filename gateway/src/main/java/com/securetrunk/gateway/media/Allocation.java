package com.securetrunk.gateway.media;

import java.util.List;

/** The result of {@link MediaRelay#allocate}: the session and, per stream in SDP order, the ports of both legs. */
public record Allocation(SessionId id, List<StreamPorts> streams) {
    public Allocation {
        streams = List.copyOf(streams);
    }
}
