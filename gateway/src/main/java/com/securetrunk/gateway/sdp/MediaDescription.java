package com.securetrunk.gateway.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One media section (RFC 8866 section 5.14): the {@code m=} line followed by its own {@code i=}, {@code c=},
 * {@code b=}, {@code k=} and {@code a=} lines, all kept in order.
 *
 * <p>{@code lines.get(0)} is the {@code m=} line; {@link #mediaLine()} is its parsed view (validated when the
 * description was parsed).
 */
public record MediaDescription(List<SdpLine> lines) {

    public MediaDescription {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.get(0).type() != 'm') {
            throw new IllegalArgumentException("a media description starts with its m= line");
        }
    }

    public MediaLine mediaLine() {
        try {
            return MediaLine.parse(lines.get(0).value(), 0);
        } catch (SdpParseException e) {
            throw new IllegalStateException("m= line was validated at parse time: " + e.getMessage(), e);
        }
    }

    /** Lines after the m= line. */
    public List<SdpLine> body() {
        return lines.subList(1, lines.size());
    }

    public List<SdpLine> attributes(String name) {
        return lines.stream().filter(l -> l.isAttribute(name)).toList();
    }

    public Optional<Connection> connection() {
        for (SdpLine l : lines) {
            if (l.type() == 'c') {
                try {
                    return Optional.of(Connection.parse(l.value(), 0));
                } catch (SdpParseException e) {
                    throw new IllegalStateException("c= line was validated at parse time", e);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Direction> direction() {
        return Direction.find(lines);
    }

    public MediaDescription withMediaLine(MediaLine m) {
        List<SdpLine> out = new ArrayList<>(lines);
        out.set(0, m.toLine());
        return new MediaDescription(out);
    }

    /** A copy without the body lines that match {@code drop} (the m= line always stays). */
    public MediaDescription without(Predicate<SdpLine> drop) {
        List<SdpLine> out = new ArrayList<>(lines.size());
        out.add(lines.get(0));
        for (SdpLine l : body()) {
            if (!drop.test(l)) {
                out.add(l);
            }
        }
        return new MediaDescription(out);
    }

    /** A copy with {@code extra} appended after the last line. */
    public MediaDescription with(List<SdpLine> extra) {
        List<SdpLine> out = new ArrayList<>(lines);
        out.addAll(extra);
        return new MediaDescription(out);
    }

    public int length() {
        int n = 0;
        for (SdpLine l : lines) {
            n += l.length();
        }
        return n;
    }

    public void writeTo(StringBuilder out) {
        for (SdpLine l : lines) {
            l.writeTo(out);
        }
    }

    public static MediaDescription of(SdpLine... lines) {
        return new MediaDescription(List.of(lines));
    }
}
