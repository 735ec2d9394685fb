package com.securetrunk.gateway.sip.input;

import com.securetrunk.gateway.sip.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * The input of an accepted TCP or TLS connection as the stack reads it: whole messages the {@link InputGuard} passed,
 * CR/LF keep-alives, and nothing else.
 *
 * <p>Why here and not in JAIN-SIP RI 1.3.0-91: its stream reader ({@code PipelinedMsgParser}) ends the connection
 * without a word when a message outgrows {@code MAX_MESSAGE_SIZE} (the request line and Via it read are discarded),
 * and drops a request it cannot parse with no way to answer it (a parse-time hook has no handle on the socket before
 * the stack has cached it, and {@code TCPMessageChannel} would open a new connection to the client's ephemeral port to
 * send). Framing the stream ourselves, by the rules of RFC 3261 section 18.3 and as that reader does (a line ends at
 * LF, the header section at a line with nothing above a space, the body is Content-Length bytes), lets us answer on
 * the connection itself, and the stack's reader then only ever sees messages it will take.
 *
 * <p>Answers are written under the lock JAIN-SIP's {@code IOHandler} takes to write on this socket (the socket's
 * output stream object), so they never interleave with the stack's own messages. After a 413, or input that is not
 * SIP or whose framing cannot be trusted, the rest of what the peer sends is read and discarded for a moment (so that
 * closing with unread input does not reset the connection before the peer has read the answer), then the stack is
 * shown the end of the stream and closes the connection its usual way. A message must be complete within
 * {@value #MESSAGE_TIMEOUT_MS} ms of its first byte (64*T1, RFC 3261 section 17.1.1.2), so that a peer cannot hold a
 * connection's thread with a message it never finishes.
 */
public final class FramingInputStream extends InputStream {
    static final int MESSAGE_TIMEOUT_MS = 32_000;
    private static final int DRAIN_QUIET_MS = 200;
    private static final long DRAIN_MAX_MS = 2_000;
    private static final long DRAIN_MAX_BYTES = 1 << 20;

    private final InputStream in;
    private final Socket socket;
    private final InputGuard guard;
    private final Transport transport;
    private final byte[] readAhead = new byte[8192];
    private int raPos;
    private int raLen;
    private byte[] out = new byte[0];
    private int outPos;
    private int outLen;
    private boolean ended;

    /** {@code in}: the socket's own input stream; {@code socket}: for answering, timeouts and addresses. */
    public FramingInputStream(InputStream in, Socket socket, InputGuard guard, Transport transport) {
        this.in = in;
        this.socket = socket;
        this.guard = guard;
        this.transport = transport;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLen) {
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public int available() {
        return outLen - outPos;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        in.close();
    }

    private void next() throws IOException {
        int c = peek();
        if (c < 0) {
            ended = true;
            return;
        }
        if (c == '\r' || c == '\n') { // keep-alive CR/LF between messages: straight through, the stack answers pings
            int start = raPos;
            while (raPos < raLen && (readAhead[raPos] == '\r' || readAhead[raPos] == '\n')) {
                raPos++;
            }
            deliver(Arrays.copyOfRange(readAhead, start, raPos), raPos - start);
            return;
        }
        int idleTimeout = socket.getSoTimeout();
        socket.setSoTimeout(idleTimeout == 0 ? MESSAGE_TIMEOUT_MS : Math.min(idleTimeout, MESSAGE_TIMEOUT_MS));
        try {
            frame();
        } catch (SocketTimeoutException e) {
            refuse(Verdict.drop("message not complete within " + MESSAGE_TIMEOUT_MS + " ms", MessageCheck.RULE_SYNTAX,
                    RawSipMessage.scan(new byte[0], 0), true));
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(idleTimeout);
            }
        }
    }

    /** Reads one message (header section, then Content-Length bytes of body) and passes, answers or drops it. */
    private void frame() throws IOException {
        int max = guard.maxMessageSize();
        Buffer msg = new Buffer(Math.min(max + 1, 2048));
        int lineStart = 0;
        while (true) {
            int c = readByte();
            if (c < 0) {
                truncated(msg);
                return;
            }
            msg.add((byte) c);
            if (msg.len > max) {
                oversized(msg, -1);
                return;
            }
            if (c == '\n') {
                if (lineStart > 0 && blank(msg.bytes, lineStart, msg.len)) {
                    break;
                }
                lineStart = msg.len;
            }
        }
        RawSipMessage head = RawSipMessage.scan(msg.bytes, msg.len);
        long contentLength = head.contentLength();
        if (contentLength < 0) {
            Verdict v = guard.inspect(msg.bytes, msg.len, false);
            refuse(v.passes() ? Verdict.answer(400, "malformed Content-Length header (" + MessageCheck.shorten(
                    String.valueOf(head.value("Content-Length"))) + ")", MessageCheck.RULE_SYNTAX, head, true) : v.closingStream());
            return;
        }
        if (msg.len + contentLength > max) {
            oversized(msg, msg.len + contentLength);
            return;
        }
        msg.ensure(msg.len + (int) contentLength);
        while (msg.len < msg.bytes.length && contentLength > 0) {
            int n = readInto(msg.bytes, msg.len, msg.bytes.length - msg.len);
            if (n < 0) {
                truncated(msg);
                return;
            }
            msg.len += n;
        }
        Verdict v = guard.inspect(msg.bytes, msg.len, false);
        if (v.passes()) {
            deliver(msg.bytes, msg.len);
        } else {
            refuse(v);
        }
    }

    private void truncated(Buffer msg) {
        refuse(Verdict.drop("connection closed after " + msg.len + " bytes of a message", MessageCheck.RULE_SYNTAX,
                RawSipMessage.scan(msg.bytes, msg.len), true));
    }

    private void oversized(Buffer msg, long size) {
        int complete = msg.len; // only whole lines: a field cut by the limit would be echoed cut
        while (complete > 0 && msg.bytes[complete - 1] != '\n') {
            complete--;
        }
        refuse(guard.oversized(RawSipMessage.scan(msg.bytes, complete), size));
    }

    /** Logs, counts and answers {@code v}; if the stream cannot be trusted any further, drains it and ends it. */
    private void refuse(Verdict v) {
        byte[] response = guard.refuse(v, transport, socket.getRemoteSocketAddress(), socket.getLocalAddress());
        if (response != null) {
            try {
                OutputStream os = socket.getOutputStream();
                synchronized (os) { // the lock IOHandler.writeChunks holds while the stack writes on this socket
                    os.write(response);
                }
                os.flush();
            } catch (IOException e) {
                ended = true;
                return;
            }
        }
        if (v.closeStream()) {
            drain();
            ended = true;
        }
    }

    private void drain() {
        raPos = 0;
        raLen = 0;
        long deadline = System.nanoTime() + DRAIN_MAX_MS * 1_000_000;
        long total = 0;
        try {
            socket.setSoTimeout(DRAIN_QUIET_MS);
            while (System.nanoTime() < deadline && total < DRAIN_MAX_BYTES) {
                int n = in.read(readAhead, 0, readAhead.length);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException quietOrGone) {
            // the peer is quiet or gone: the stack closes the connection next
        }
    }

    private void deliver(byte[] bytes, int len) {
        out = bytes;
        outPos = 0;
        outLen = len;
    }

    private int peek() throws IOException {
        if (raPos == raLen && fill() < 0) {
            return -1;
        }
        return readAhead[raPos] & 0xff;
    }

    private int readByte() throws IOException {
        if (raPos == raLen && fill() < 0) {
            return -1;
        }
        return readAhead[raPos++] & 0xff;
    }

    private int readInto(byte[] b, int off, int len) throws IOException {
        if (raPos == raLen) {
            return in.read(b, off, len);
        }
        int n = Math.min(len, raLen - raPos);
        System.arraycopy(readAhead, raPos, b, off, n);
        raPos += n;
        return n;
    }

    private int fill() throws IOException {
        int n = in.read(readAhead, 0, readAhead.length);
        raPos = 0;
        raLen = Math.max(0, n);
        return n;
    }

    /** A line with nothing above a space: the end of the header section, as JAIN-SIP's reader ({@code trim()}) sees it. */
    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xff) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** A growable byte array. */
    private static final class Buffer {
        byte[] bytes;
        int len;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        void add(byte b) {
            if (len == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[len++] = b;
        }

        /** Makes the array exactly {@code size} long (at least {@code len}). */
        void ensure(int size) {
            if (bytes.length != size) {
                bytes = Arrays.copyOf(bytes, Math.max(size, len));
            }
        }
    }
}
