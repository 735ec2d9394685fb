package com.securetrunk.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The product versions a profile applies to, written in profile files as text:
 * {@code "*"} (any), {@code "2.5"} (that version and its sub-versions such as 2.5.1), {@code "16.0.."} (that version or later),
 * {@code "..13.18"} (up to and including), {@code "13.8-cert1..13.8-cert4"} (inclusive range).
 *
 * <p>Versions compare part by part, where a part is a run of digits (compared as a number) or a run of
 * letters (compared as text), so {@code 13.8-cert2 < 13.8-cert10 < 13.9} and {@code 2.5 < 2.5.5}.
 *
 * @param min lowest matching version, empty for no lower bound
 * @param max highest matching version, empty for no upper bound
 */
public record VersionRange(Optional<String> min, Optional<String> max) {

    /** Matches every version. */
    public static final VersionRange ANY = new VersionRange(Optional.empty(), Optional.empty());

    public VersionRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    /**
     * Parses the profile-file form.
     *
     * @throws IllegalArgumentException when the text is none of the documented forms
     */
    public static VersionRange parse(String text) {
        String t = text.strip();
        if (t.equals("*")) {
            return ANY;
        }
        int dots = t.indexOf("..");
        if (dots < 0) {
            requireVersion(t, text);
            return new VersionRange(Optional.of(t), Optional.of(t));
        }
        String lo = t.substring(0, dots).strip();
        String hi = t.substring(dots + 2).strip();
        if (lo.isEmpty() && hi.isEmpty()) {
            throw new IllegalArgumentException("empty version range: " + text);
        }
        if (!lo.isEmpty()) {
            requireVersion(lo, text);
        }
        if (!hi.isEmpty()) {
            requireVersion(hi, text);
        }
        if (!lo.isEmpty() && !hi.isEmpty() && compare(lo, hi) > 0) {
            throw new IllegalArgumentException("lower bound above upper bound: " + text);
        }
        return new VersionRange(lo.isEmpty() ? Optional.empty() : Optional.of(lo),
                hi.isEmpty() ? Optional.empty() : Optional.of(hi));
    }

    private static void requireVersion(String v, String whole) {
        if (!v.matches("[0-9A-Za-z][0-9A-Za-z.\\-_]*") || v.contains("..")) {
            throw new IllegalArgumentException("not a version: '" + v + "' in '" + whole + "'");
        }
    }

    /**
     * True when {@code version} lies within this range. Bounds are inclusive, and the upper bound includes the
     * versions it is a prefix of: {@code ..20} contains {@code 20.5.0}, and {@code 2.5.5} contains {@code 2.5.5.1}.
     */
    public boolean contains(String version) {
        return min.map(m -> compare(version, m) >= 0).orElse(true)
                && max.map(m -> compare(version, m) <= 0 || isPrefix(m, version)).orElse(true);
    }

    private static boolean isPrefix(String bound, String version) {
        List<String> b = parts(bound);
        List<String> v = parts(version);
        return v.size() >= b.size() && v.subList(0, b.size()).stream().map(x -> x.toLowerCase(java.util.Locale.ROOT))
                .toList().equals(b.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /** Compares two version strings part by part (digit runs numerically, letter runs as text). */
    public static int compare(String a, String b) {
        List<String> pa = parts(a);
        List<String> pb = parts(b);
        for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
            String x = pa.get(i);
            String y = pb.get(i);
            boolean xd = Character.isDigit(x.charAt(0));
            boolean yd = Character.isDigit(y.charAt(0));
            int c;
            if (xd && yd) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else if (xd != yd) {
                c = xd ? 1 : -1; // 13.8.1 (a digit) sorts after 13.8-cert1 (a letter run)
            } else {
                c = x.compareToIgnoreCase(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.size(), pb.size());
    }

    private static List<String> parts(String v) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < v.length()) {
            char ch = v.charAt(i);
            if (!Character.isLetterOrDigit(ch)) {
                i++;
                continue;
            }
            int j = i;
            boolean digit = Character.isDigit(ch);
            while (j < v.length() && Character.isLetterOrDigit(v.charAt(j)) && Character.isDigit(v.charAt(j)) == digit) {
                j++;
            }
            out.add(v.substring(i, j));
            i = j;
        }
        return out;
    }

    /** The profile-file form, e.g. {@code 13.8-cert1..13.8-cert4}. */
    @Override
    public String toString() {
        if (min.isEmpty() && max.isEmpty()) {
            return "*";
        }
        if (min.isPresent() && min.equals(max)) {
            return min.get();
        }
        return min.orElse("") + ".." + max.orElse("");
    }
}
