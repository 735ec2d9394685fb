package com.securetrunk.gateway.media.ng;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencode (BitTorrent BEP 3), the encoding of rtpengine's ng control protocol. Pure: no I/O.
 *
 * <pre>
 * integer    i&lt;decimal&gt;e          i42e
 * string     &lt;length&gt;:&lt;bytes&gt;     4:spam
 * list       l&lt;values&gt;e            l4:spami42ee
 * dictionary d&lt;key value...&gt;e       d3:cow3:mooe   (keys are strings, sorted as raw bytes)
 * </pre>
 *
 * Java mapping: {@link Long}, {@link String} (bytes kept 1:1 as ISO-8859-1 characters, so SDP and binary
 * values round-trip), {@link List}, {@link Map} with String keys. Every limit the peer controls is bounded.
 */
public final class Bencode {
    /** Deepest list/dictionary nesting accepted. */
    public static final int MAX_DEPTH = 32;
    /** Longest integer literal accepted (digits), enough for any long. */
    private static final int MAX_INT_DIGITS = 19;

    private final byte[] in;
    private int pos;

    private Bencode(byte[] in, int offset) {
        this.in = in;
        this.pos = offset;
    }

    /** Decodes exactly one value that must fill {@code data[offset..]}. */
    public static Object decode(byte[] data, int offset) {
        Bencode d = new Bencode(data, offset);
        Object v = d.value(0);
        if (d.pos != data.length) {
            throw new BencodeException(d.pos, "end of input", (data.length - d.pos) + " trailing byte(s)");
        }
        return v;
    }

    public static Object decode(byte[] data) {
        return decode(data, 0);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new BencodeException(pos, "nesting depth <= " + MAX_DEPTH, "deeper nesting");
        }
        int c = peek();
        switch (c) {
            case 'i':
                pos++;
                long v = integer('e');
                return v;
            case 'l': {
                pos++;
                List<Object> list = new ArrayList<>();
                while (peek() != 'e') {
                    list.add(value(depth + 1));
                }
                pos++;
                return list;
            }
            case 'd': {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (peek() != 'e') {
                    int keyAt = pos;
                    if (peek() < '0' || peek() > '9') {
                        throw new BencodeException(keyAt, "a string key", describe(peek()));
                    }
                    String key = string();
                    if (map.put(key, value(depth + 1)) != null) {
                        throw new BencodeException(keyAt, "unique dictionary keys", "duplicate key '" + key + "'");
                    }
                }
                pos++;
                return map;
            }
            default:
                if (c >= '0' && c <= '9') {
                    return string();
                }
                throw new BencodeException(pos, "'i', 'l', 'd' or a string length", describe(c));
        }
    }

    private String string() {
        int at = pos;
        long len = integer(':');
        if (len < 0 || len > in.length - pos) {
            throw new BencodeException(at, "a string length <= the " + (in.length - pos) + " bytes left", "" + len);
        }
        String s = new String(in, pos, (int) len, StandardCharsets.ISO_8859_1);
        pos += (int) len;
        return s;
    }

    private long integer(char terminator) {
        int start = pos;
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        long v = 0;
        int digits = 0;
        while (peek() != terminator) {
            int c = peek();
            if (c < '0' || c > '9') {
                throw new BencodeException(pos, "a digit or '" + terminator + "'", describe(c));
            }
            if (++digits > MAX_INT_DIGITS) {
                throw new BencodeException(start, "at most " + MAX_INT_DIGITS + " digits", "a longer number");
            }
            v = v * 10 + (c - '0');
            pos++;
        }
        if (digits == 0 || (negative && terminator == ':')) {
            throw new BencodeException(start, terminator == ':' ? "a string length" : "an integer", "'"
                    + new String(in, start, pos - start + 1, StandardCharsets.ISO_8859_1) + "'");
        }
        pos++;
        return negative ? -v : v;
    }

    private int peek() {
        if (pos >= in.length) {
            throw new BencodeException(pos, "more input", "end of input");
        }
        return in[pos] & 0xff;
    }

    private static String describe(int c) {
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    // ---- encoding --------------------------------------------------------------------------------

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, value, 0);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("bencode nesting deeper than " + MAX_DEPTH);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            ascii(out, "i" + ((Number) v).longValue() + "e");
        } else if (v instanceof Boolean b) {
            ascii(out, b ? "i1e" : "i0e");
        } else if (v instanceof CharSequence s) {
            byte[] b = s.toString().getBytes(StandardCharsets.ISO_8859_1);
            ascii(out, b.length + ":");
            out.writeBytes(b);
        } else if (v instanceof byte[] b) {
            ascii(out, b.length + ":");
            out.writeBytes(b);
        } else if (v instanceof List<?> list) {
            out.write('l');
            for (Object o : list) {
                write(out, o, depth + 1);
            }
            out.write('e');
        } else if (v instanceof Map<?, ?> map) {
            out.write('d');
            // ISO-8859-1 strings compare char by char like their raw bytes, the order BEP 3 requires
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                write(out, e.getKey().toString(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + (v == null ? "null" : v.getClass().getName()));
        }
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
