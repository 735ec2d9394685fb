package com.securetrunk.gateway.sdp;

import java.util.List;
import java.util.Optional;

/**
 * Media direction attributes (RFC 8866 sections 6.7.1-6.7.4; offer/answer in RFC 3264 section 6.1):
 * {@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive}. Default is sendrecv.
 */
public enum Direction {
    SENDRECV("sendrecv"), SENDONLY("sendonly"), RECVONLY("recvonly"), INACTIVE("inactive");

    private final String attributeName;

    Direction(String attributeName) {
        this.attributeName = attributeName;
    }

    public String attributeName() {
        return attributeName;
    }

    public static Optional<Direction> fromAttributeName(String name) {
        for (Direction d : values()) {
            if (d.attributeName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The first direction attribute among {@code lines}, if any. */
    public static Optional<Direction> find(List<SdpLine> lines) {
        for (SdpLine l : lines) {
            if (l.isAttribute()) {
                Optional<Direction> d = fromAttributeName(l.value().strip());
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** The answer's direction for this offered direction (RFC 3264 section 6.1). */
    public Direction answerTo() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
            case SENDRECV -> SENDRECV;
        };
    }

    public boolean isHold() {
        return this == SENDONLY || this == INACTIVE;
    }
}
