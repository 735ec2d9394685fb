package com.securetrunk.gateway.sdp;

import java.util.List;
import java.util.Objects;

/**
 * Typed view of a media line (RFC 8866 section 5.14):
 * <pre>
 * m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...
 * </pre>
 * {@code portCount} is 0 when the {@code /<number>} part is absent. Port 0 marks a rejected or disabled
 * stream (RFC 3264 section 6).
 */
public record MediaLine(String media, int port, int portCount, String proto, List<String> formats) {

    public MediaLine {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        formats = List.copyOf(formats);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " (expected: 0-65535)");
        }
    }

    /** Parses the value of an {@code m=} line; {@code lineNumber} locates errors. */
    public static MediaLine parse(String value, int lineNumber) throws SdpParseException {
        String[] f = SdpLine.fields(value);
        if (f.length < 3) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 3,
                    "m=<media> <port> <proto> <fmt> ...", value);
        }
        String portField = f[1];
        int slash = portField.indexOf('/');
        int port = parseNumber(slash < 0 ? portField : portField.substring(0, slash), 65535, lineNumber, "port 0-65535");
        int count = slash < 0 ? 0 : parseNumber(portField.substring(slash + 1), 65535, lineNumber, "number of ports");
        return new MediaLine(f[0], port, count, f[2], List.of(f).subList(3, f.length));
    }

    private static int parseNumber(String text, int max, int lineNumber, String expected) throws SdpParseException {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpParseException(SdpParseException.Kind.SYNTAX, lineNumber, 0, expected, text);
        }
        int n = Integer.parseInt(text);
        if (n > max) {
            throw new SdpParseException(SdpParseException.Kind.VALUE, lineNumber, 0, expected, text);
        }
        return n;
    }

    public boolean isAudio() {
        return "audio".equals(media);
    }

    /** RTP/SAVP or any other SRTP profile (RTP/SAVPF); secure transports carry a=crypto (RFC 4568 section 3.1.4). */
    public boolean isSecureRtp() {
        return "RTP/SAVP".equals(proto) || "RTP/SAVPF".equals(proto);
    }

    /** RTP/AVP or RTP/AVPF: plain RTP. */
    public boolean isPlainRtp() {
        return "RTP/AVP".equals(proto) || "RTP/AVPF".equals(proto);
    }

    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, portCount, proto, formats);
    }

    public MediaLine withProto(String newProto) {
        return new MediaLine(media, port, portCount, newProto, formats);
    }

    public MediaLine withFormats(List<String> newFormats) {
        return new MediaLine(media, port, portCount, proto, newFormats);
    }

    public SdpLine toLine() {
        StringBuilder b = new StringBuilder(media).append(' ').append(port);
        if (portCount > 0) {
            b.append('/').append(portCount);
        }
        b.append(' ').append(proto);
        for (String f : formats) {
            b.append(' ').append(f);
        }
        return new SdpLine('m', b.toString());
    }
}
