package com.securetrunk.testpbx.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI requests from a byte stream with Asterisk's limits. CRLF ends a line, and so does a lone LF
 * (manager.c {@code get_input}: "also accept \n only").
 *
 * <p>Returns a {@link Result} rather than throwing for peer mistakes: a line over {@value AmiCodec#MAX_LINE_BYTES}
 * bytes or more than {@value AmiCodec#MAX_HEADERS} lines makes Asterisk discard the request and answer an error,
 * then carry on reading.
 */
public final class AmiRequestReader {

    /** What one read produced. */
    public enum Kind { MESSAGE, LINE_TOO_LONG, TOO_MANY_LINES, END_OF_STREAM }

    /** A parsed request, or the reason there is none. */
    public record Result(Kind kind, AmiMessage message) {
    }

    private final InputStream in;
    private final byte[] line = new byte[AmiCodec.MAX_LINE_BYTES + 2];

    public AmiRequestReader(InputStream in) {
        this.in = in;
    }

    /** Blocks until a full request (or a framing error, or EOF) has been read. */
    public Result next() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean tooLong = false;
        boolean tooMany = false;
        while (true) {
            int len = 0;
            boolean overflow = false;
            int prev = -1;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return new Result(Kind.END_OF_STREAM, null);
                }
                if (c == '\n') {
                    if (prev == '\r' && len > 0 && len <= line.length) {
                        len--; // drop the CR already stored
                    }
                    break;
                }
                if (len < line.length) {
                    line[len++] = (byte) c;
                } else {
                    overflow = true;
                    // Keep the last byte so that a CR right before LF is still seen.
                    line[line.length - 1] = (byte) c;
                }
                prev = c;
            }
            if (overflow || len > AmiCodec.MAX_LINE_BYTES) {
                tooLong = true;
                continue;
            }
            if (len == 0) {
                // An empty line ends the request even with no header before it: Asterisk then answers
                // "Missing action in request" (do_message has no special case for a lone blank line).
                if (tooLong) {
                    return new Result(Kind.LINE_TOO_LONG, AmiCodec.parse(lines));
                }
                if (tooMany) {
                    return new Result(Kind.TOO_MANY_LINES, AmiCodec.parse(lines));
                }
                return new Result(Kind.MESSAGE, AmiCodec.parse(lines));
            }
            if (lines.size() >= AmiCodec.MAX_HEADERS) {
                tooMany = true;
                continue;
            }
            lines.add(new String(line, 0, len, StandardCharsets.UTF_8));
        }
    }
}
