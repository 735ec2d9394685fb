package com.securetrunk.gateway.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole SDP (RFC 8866 section 5): the session-level lines in order ({@code v=}, {@code o=}, {@code s=},
 * {@code c=}, {@code t=}, session {@code a=} ...), then the media sections in order.
 *
 * <p>Immutable; the {@code with...} methods return rewritten copies. {@code toString()} redacts keys
 * (see {@link SdpLine#toString()}).
 */
public record SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {

    public SessionDescription {
        sessionLines = List.copyOf(sessionLines);
        media = List.copyOf(media);
    }

    public Optional<Origin> origin() {
        return first('o').map(l -> {
            try {
                return Origin.parse(l.value(), 0);
            } catch (SdpParseException e) {
                throw new IllegalStateException("o= line was validated at parse time", e);
            }
        });
    }

    /** The session-level {@code c=} line, if any. */
    public Optional<Connection> connection() {
        return first('c').map(l -> {
            try {
                return Connection.parse(l.value(), 0);
            } catch (SdpParseException e) {
                throw new IllegalStateException("c= line was validated at parse time", e);
            }
        });
    }

    /** The connection that applies to media section {@code i}: its own, else the session's (RFC 8866 section 5.7). */
    public Optional<Connection> connectionFor(int i) {
        Optional<Connection> own = media.get(i).connection();
        return own.isPresent() ? own : connection();
    }

    /** The session-level direction attribute, which media sections inherit (RFC 8866 section 6.7). */
    public Optional<Direction> sessionDirection() {
        return Direction.find(sessionLines);
    }

    private Optional<SdpLine> first(char type) {
        return sessionLines.stream().filter(l -> l.type() == type).findFirst();
    }

    public SessionDescription withSessionLines(List<SdpLine> lines) {
        return new SessionDescription(lines, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(sessionLines, newMedia);
    }

    /** Applies {@code f} to every session-level line (order kept). */
    public SessionDescription mapSessionLines(UnaryOperator<SdpLine> f) {
        List<SdpLine> out = new ArrayList<>(sessionLines.size());
        for (SdpLine l : sessionLines) {
            out.add(f.apply(l));
        }
        return withSessionLines(out);
    }

    /** Number of characters {@link SdpWriter#write} produces. */
    public int length() {
        int n = 0;
        for (SdpLine l : sessionLines) {
            n += l.length();
        }
        for (MediaDescription m : media) {
            n += m.length();
        }
        return n;
    }

    public void writeTo(StringBuilder out) {
        for (SdpLine l : sessionLines) {
            l.writeTo(out);
        }
        for (MediaDescription m : media) {
            m.writeTo(out);
        }
    }
}
