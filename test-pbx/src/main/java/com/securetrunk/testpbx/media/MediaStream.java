package com.securetrunk.testpbx.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audio stream of a call: a UDP socket, a sender thread that transmits the local {@link TestSignal}
 * as G.711 every 20 ms (paced against an absolute schedule, so it does not drift), RFC 4733 DTMF queued
 * in between, and a receiver thread that checks everything received against the far side's signal.
 *
 * <p>Lifecycle: {@link #open} binds the socket (so its port can go into SDP) and starts receiving at
 * once; {@link #startSending} begins transmission when the far side's address and codec are known;
 * {@link #close} stops both threads. Buffers are allocated once per stream; the per-packet path does
 * not allocate or log.
 */
public final class MediaStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStream.class);
    private static final long FRAME_NANOS = 20_000_000L;
    private static final int DTMF_EVENT_PACKETS = 5; // 100 ms per digit
    private static final int DTMF_END_REPEATS = 3;
    private static final int DTMF_GAP_FRAMES = 3; // 60 ms of audio between digits

    /** The socket this stream sends from and receives on (its port is the one in this side's SDP). */
    private volatile DatagramSocket socket;
    /**
     * While media moves to another port (re-INVITE with a new m= port): first the new socket, received on while the
     * offer is out; after the switch the old one, still drained for a moment for packets already on the way.
     */
    private volatile DatagramSocket secondary;
    private final TestSignal localSignal;
    private final TestSignal remoteSignal;
    private final AudioFault fault;
    private final String name;
    private final ConcurrentLinkedQueue<Character> dtmfQueue = new ConcurrentLinkedQueue<>();
    private final StringBuilder dtmfSent = new StringBuilder();

    private final AudioAnalyzer analyzer;
    private volatile PacketProtector protector = PacketProtector.PLAIN;
    private volatile InetSocketAddress remote;
    private volatile AudioCodec codec;
    private volatile int dtmfPayloadType = -1;
    private volatile boolean closed;
    private volatile boolean armed;
    private volatile long framesSent;
    private Thread sender;
    private final Thread receiver;

    private MediaStream(DatagramSocket socket, TestSignal localSignal, TestSignal remoteSignal, AudioFault fault,
                        String name, int receiveDtmfPayloadType) {
        this.socket = socket;
        this.localSignal = localSignal;
        this.remoteSignal = remoteSignal;
        this.fault = fault;
        this.name = name;
        this.analyzer = new AudioAnalyzer(remoteSignal, receiveDtmfPayloadType);
        this.receiver = new Thread(this::receiveLoop, "rtp-rx-" + name);
        this.receiver.setDaemon(true);
    }

    /**
     * Binds a UDP socket on {@code address} (an even port from the OS) and starts receiving.
     *
     * @param localSignal  what this side sends
     * @param remoteSignal what this side expects to receive
     * @param receiveDtmfPayloadType telephone-event payload type in this side's own SDP, or -1
     */
    public static MediaStream open(InetAddress address, TestSignal localSignal, TestSignal remoteSignal,
                                   AudioFault fault, String name, int receiveDtmfPayloadType) throws IOException {
        DatagramSocket socket = bindEven(address);
        MediaStream stream = new MediaStream(socket, localSignal, remoteSignal, fault, name, receiveDtmfPayloadType);
        stream.receiver.start();
        return stream;
    }

    private static DatagramSocket bindEven(InetAddress address) throws IOException {
        DatagramSocket socket = null;
        for (int attempt = 0; attempt < 20 && socket == null; attempt++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0));
            if (s.getLocalPort() % 2 == 0) {
                socket = s;
            } else {
                s.close(); // RTP ports are even by convention (RFC 3550 section 11)
            }
        }
        if (socket == null) {
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
        }
        socket.setSoTimeout(200);
        socket.setReceiveBufferSize(1 << 18);
        return socket;
    }

    /**
     * First step of moving media to a new port: binds a new socket on the same address and receives on it as well,
     * so packets sent there as soon as the far side has the new SDP are not lost. Returns its port (for the offer).
     */
    public synchronized int openNewPort() throws IOException {
        if (secondary != null) {
            throw new IllegalStateException(name + ": a media move is already in progress");
        }
        DatagramSocket next = bindEven(socket.getLocalAddress());
        next.setSoTimeout(10);
        socket.setSoTimeout(10);
        secondary = next;
        return next.getLocalPort();
    }

    /**
     * Second step, once the far side accepted the new port: sends from the new socket from now on (its port is the
     * one in the SDP), keeps draining the old one for {@code grace}, then closes it as a real UA would.
     */
    public synchronized void switchToNewPort(java.util.concurrent.ScheduledExecutorService timer, java.time.Duration grace) {
        DatagramSocket next = secondary;
        if (next == null) {
            throw new IllegalStateException(name + ": no new port was opened");
        }
        DatagramSocket old = socket;
        socket = next;
        secondary = old;
        timer.schedule(() -> dropSecondary(old), grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The move was refused: the new socket goes, the stream stays where it was. */
    public synchronized void abandonNewPort() {
        DatagramSocket next = secondary;
        if (next != null && next != socket) {
            dropSecondary(next);
        }
    }

    private synchronized void dropSecondary(DatagramSocket s) {
        if (secondary == s) {
            secondary = null;
            try {
                socket.setSoTimeout(200);
            } catch (SocketException e) {
                // closed meanwhile
            }
        }
        s.close();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    /** Sets SRTP (or plain) protection; call before {@link #startSending} and before the far side sends. */
    public void setProtector(PacketProtector protector) {
        this.protector = protector;
    }

    /** Payload type to send telephone-events with (from the far side's SDP), or -1 if it has none. */
    public void setSendDtmfPayloadType(int pt) {
        this.dtmfPayloadType = pt;
    }

    /**
     * Starts analysing received packets. Until then (an offerer waiting for the answer that carries the
     * far side's SRTP key) packets are ignored: they arrived before this side knew how to read them.
     */
    public void armReceiver() {
        armed = true;
    }

    /** The current protection (to build a re-keyed one from). */
    public PacketProtector protector() {
        return protector;
    }

    /**
     * Switches to new SRTP keys (re-INVITE with a new a=crypto, RFC 4568 section 7.1.4): packets are sent under
     * {@code next} from now on; packets under the previous receive key are still accepted for a short overlap.
     */
    public void rekey(PacketProtector next) {
        this.protector = new RekeyedProtector(next, protector);
    }

    /** Changes where audio goes (e.g. after a re-INVITE). */
    public void setRemote(InetSocketAddress remote) {
        this.remote = remote;
    }

    /** Starts the 20 ms sender toward {@code remote} with {@code codec}. Idempotent. */
    public synchronized void startSending(InetSocketAddress remote, AudioCodec codec) {
        this.remote = remote;
        this.codec = codec;
        if (sender != null || closed) {
            return;
        }
        sender = new Thread(this::sendLoop, "rtp-tx-" + name);
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues DTMF digits (0-9 * # A-D) to be sent as RFC 4733 events. */
    public void sendDtmf(String digits) {
        Dtmf.validate(digits);
        if (dtmfPayloadType < 0) {
            throw new IllegalStateException("the far side did not negotiate telephone-event; cannot send DTMF");
        }
        for (char c : digits.toCharArray()) {
            dtmfQueue.add(c);
        }
    }

    /** True once every queued DTMF digit has been sent. */
    public boolean dtmfIdle() {
        return dtmfQueue.isEmpty() && !dtmfActive;
    }

    private volatile boolean dtmfActive;

    /** The first seconds of audio received (decoded), for listening or offline comparison. */
    public Recording recording() {
        return analyzer.recording();
    }

    public AudioReport report() {
        String sent;
        synchronized (dtmfSent) {
            sent = dtmfSent.toString();
        }
        return analyzer.snapshot(protector.describe(), codec, framesSent, sent);
    }

    private void sendLoop() {
        byte[] buf = new byte[Rtp.HEADER + 1024];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int ssrc = random.nextInt();
        int seq = random.nextInt(0x10000);
        long ts0 = random.nextInt() & 0xFFFFFFFFL;
        TestSignal signal = fault == AudioFault.WRONG_SIGNAL
                ? (localSignal.seed() == TestSignal.CALLER_SEED ? TestSignal.CALLEE : TestSignal.CALLER)
                : localSignal;
        long start = System.nanoTime();
        long frame = 0;
        // DTMF state machine
        int dtmfEvent = -1;
        int dtmfPacket = 0;
        long dtmfTs = 0;
        int gap = 0;
        while (!closed) {
            long due = start + frame * FRAME_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (wait < -10 * FRAME_NANOS) {
                // the thread was starved (e.g. a GC pause or an overloaded machine): resynchronise rather
                // than bursting, as a real endpoint's clock would keep running
                long skipped = -wait / FRAME_NANOS;
                frame += skipped;
                continue;
            }
            long ts = (ts0 + frame * AudioCodec.SAMPLES_PER_FRAME) & 0xFFFFFFFFL;
            AudioCodec c = codec;
            InetSocketAddress to = remote;
            int len;
            if (dtmfEvent < 0 && gap == 0 && !dtmfQueue.isEmpty()) {
                dtmfActive = true;
                char digit = dtmfQueue.poll();
                dtmfEvent = Dtmf.eventOf(digit);
                dtmfPacket = 0;
                dtmfTs = ts;
                synchronized (dtmfSent) {
                    dtmfSent.append(digit);
                }
            }
            if (dtmfEvent >= 0) {
                boolean end = dtmfPacket >= DTMF_EVENT_PACKETS - 1;
                int duration = Math.min(dtmfPacket + 1, DTMF_EVENT_PACKETS) * AudioCodec.SAMPLES_PER_FRAME;
                int repeats = end ? DTMF_END_REPEATS : 1;
                for (int r = 0; r < repeats; r++) {
                    Rtp.writeHeader(buf, dtmfPacket == 0, dtmfPayloadType, seq, dtmfTs, ssrc);
                    Dtmf.write(buf, Rtp.HEADER, dtmfEvent, end, 10, duration);
                    send(packet, buf, Rtp.HEADER + Dtmf.PAYLOAD, to);
                    seq = (seq + 1) & 0xFFFF;
                }
                dtmfPacket++;
                if (end) {
                    dtmfEvent = -1;
                    gap = DTMF_GAP_FRAMES;
                    dtmfActive = !dtmfQueue.isEmpty();
                }
                frame++;
                continue;
            }
            if (gap > 0) {
                gap--;
            }
            boolean skip = fault == AudioFault.SILENT || (fault == AudioFault.DROP_HALF && frame % 2 == 1);
            if (!skip) {
                Rtp.writeHeader(buf, frame == 0, c.payloadType(), seq, ts, ssrc);
                signal.encodeFrame(c, frame, buf, Rtp.HEADER);
                if (fault == AudioFault.CORRUPT && frame % 10 == 5) {
                    buf[Rtp.HEADER + 40] ^= 0x11;
                }
                len = Rtp.HEADER + AudioCodec.SAMPLES_PER_FRAME;
                send(packet, buf, len, to);
                framesSent++;
            }
            if (fault != AudioFault.SILENT) {
                seq = (seq + 1) & 0xFFFF; // a DROP_HALF frame is lost "in the network": its number is used
            }
            frame++;
        }
    }

    private void send(DatagramPacket packet, byte[] buf, int len, InetSocketAddress to) {
        int out = protector.protect(buf, len);
        if (out < 0) {
            return;
        }
        packet.setData(buf, 0, out);
        packet.setSocketAddress(to);
        try {
            socket.send(packet); // the volatile read picks up a media move at the next packet
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("{}: RTP send to {} failed: {}", name, to, e.toString());
            }
        }
    }

    private void receiveLoop() {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closed) {
            DatagramSocket primary = socket;
            DatagramSocket other = secondary;
            try {
                packet.setData(buf, 0, buf.length);
                if (other != null) {
                    // a media move in progress: both sockets in turn, each with a short timeout
                    if (!receiveOne(primary, packet) && !receiveOne(other, packet)) {
                        continue;
                    }
                } else {
                    primary.receive(packet);
                }
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException e) {
                if (closed) {
                    return;
                }
                continue; // the socket media moved away from was closed
            } catch (IOException e) {
                LOG.debug("{}: RTP receive failed: {}", name, e.toString());
                continue;
            }
            long arrival = System.nanoTime();
            if (!armed) {
                continue;
            }
            AudioAnalyzer a = analyzer;
            int len = protector.unprotect(buf, packet.getLength());
            if (len < 0) {
                a.drop();
                continue;
            }
            a.onPacket(buf, len, arrival);
        }
    }

    /** One datagram from {@code s} into {@code packet}; false when none came within its (short) timeout. */
    private static boolean receiveOne(DatagramSocket s, DatagramPacket packet) throws IOException {
        try {
            s.receive(packet);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            if (s.isClosed()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        DatagramSocket s2 = secondary;
        if (s2 != null) {
            s2.close();
        }
        Thread s;
        synchronized (this) {
            s = sender;
        }
        try {
            if (s != null) {
                s.join(1000);
            }
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
