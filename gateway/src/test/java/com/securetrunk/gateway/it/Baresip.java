package com.securetrunk.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * baresip 1.0.0 (Debian {@code baresip}) as the secure domain: SIP over TLS with its own certificate, SDES-SRTP
 * mandatory ({@code mediaenc=srtp-mand}: a call without a=crypto fails), PCMU only. Audio comes from a WAV file
 * ({@code aufile} source) and what it decodes is written by the {@code sndfile} filter to
 * {@code rec/dump-<time>-dec.wav} (what it sends, before encoding, to {@code -enc.wav}). No sound card: the
 * player is {@code aubridge}. libre's TLS listener is {@code sip_listen}'s port + 1.
 */
final class Baresip implements AutoCloseable {
    private final ExternalProcess process;
    private final Path recordings;

    private Baresip(ExternalProcess process, Path recordings) {
        this.process = process;
        this.recordings = recordings;
    }

    /**
     * @param sipPort   UDP/TCP port; TLS listens on sipPort + 1
     * @param account   baresip account line, e.g. {@code <sip:bs@127.0.0.1;transport=tls>;answermode=auto}
     * @param extraArgs e.g. {@code -e "/dial sip:..."}
     */
    static Baresip start(Path dir, int sipPort, Path certAndKeyPem, Path caPem, Path sourceWav, String account,
                         Duration runFor, List<String> extraArgs) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Files.writeString(conf.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_certificate " + certAndKeyPem,
                "sip_cafile " + caPem,
                "call_local_timeout 30",
                "call_max_calls 4",
                "audio_player aubridge,nil",
                "audio_alert aubridge,nil",
                "audio_source aufile," + sourceWav,
                "audio_buffer 20-160",
                "ausrc_format s16",
                "auplay_format s16",
                "jitter_buffer_delay 5-10",
                "rtp_tos 0",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module srtp.so",
                "module_tmp account.so",
                "module_app menu.so",
                "snd_path " + rec,
                ""));
        Files.writeString(conf.resolve("accounts"), account + "\n");
        List<String> cmd = new ArrayList<>(List.of("baresip", "-f", conf.toString(), "-t", Long.toString(runFor.toSeconds())));
        cmd.addAll(extraArgs);
        return new Baresip(ExternalProcess.start("baresip", dir, dir.resolve("baresip.log"), cmd), rec);
    }

    /** Waits until the log contains {@code text}; false on timeout or exit. */
    boolean awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process.log().contains(text)) {
                return true;
            }
            if (!process.process().isAlive()) {
                return process.log().contains(text);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The WAV baresip wrote of what it decoded (received) in its one call. */
    Path decodedRecording() throws IOException {
        try (var s = Files.list(recordings)) {
            return s.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).findFirst()
                    .orElseThrow(() -> new IOException("baresip recorded nothing in " + recordings));
        }
    }

    String logTail(int max) {
        return process.logTail(max);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    @Override
    public void close() {
        process.close();
    }
}
