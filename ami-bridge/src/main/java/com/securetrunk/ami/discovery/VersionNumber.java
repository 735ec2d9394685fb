package com.securetrunk.ami.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted version ({@code 13.8}, {@code 2.5.5}, {@code 20.10.0}) with an optional certified suffix
 * ({@code 13.8-cert2}), compared numerically component by component ({@code 2.10 > 2.5.5}).
 *
 * @param parts numeric components, at least one
 * @param cert  certified-release number ({@code -certN}), 0 when absent
 * @param text  the string it was parsed from
 */
public record VersionNumber(List<Integer> parts, int cert, String text) implements Comparable<VersionNumber> {

    // "certified/13.8-cert2", "13.8-cert2", "20.5.0", "2.5.5", "2.14.1-dev", "22.0.0-rc1"
    private static final Pattern VERSION = Pattern.compile("^(?:certified/)?(\\d+(?:\\.\\d+)*)(?:-cert(\\d+))?.*$");

    public VersionNumber {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("version: expected at least one number, found none in '" + text + "'");
        }
    }

    /** Parses a version, or empty when the text does not start with a number (e.g. {@code GIT-master-abc}). */
    public static Optional<VersionNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : m.group(1).split("\\.")) {
            try {
                parts.add(Integer.parseInt(p));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        int cert = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new VersionNumber(parts, cert, text.trim()));
    }

    /** Component {@code i}, 0 when the version has fewer components. */
    public int part(int i) {
        return i < parts.size() ? parts.get(i) : 0;
    }

    public int major() {
        return part(0);
    }

    public int minor() {
        return part(1);
    }

    public boolean isCertified() {
        return cert > 0;
    }

    /** True when this version is at least {@code a.b.c}. */
    public boolean atLeast(int... other) {
        for (int i = 0; i < Math.max(other.length, parts.size()); i++) {
            int mine = part(i);
            int theirs = i < other.length ? other[i] : 0;
            if (mine != theirs) {
                return mine > theirs;
            }
        }
        return true;
    }

    @Override
    public int compareTo(VersionNumber o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int c = Integer.compare(part(i), o.part(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(cert, o.cert);
    }

    @Override
    public String toString() {
        return text;
    }
}
