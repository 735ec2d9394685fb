package com.securetrunk.testpbx.asterisk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A test stand-in for the SIP side behind the {@link ChannelDriver} interface: it sends no SIP. It plays the call
 * outcome a far end would produce — exten {@code 486} is busy, {@code 408} never answers, anything else rings for
 * 20 ms and answers — so that the PBX's event sequencing can be checked through the interface. Real SIP calls are
 * exercised once the SIP user agent of branch testpbx-sip is wired in.
 */
final class ScriptedChannelDriver implements ChannelDriver, AutoCloseable {

    /** One dial request as the driver received it. */
    record Dialed(Trunk trunk, String exten, CallerId callerId, CallProgress progress) {
    }

    final List<Dialed> dialed = new CopyOnWriteArrayList<>();
    final List<HangupCause> hangups = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-far-end");
        t.setDaemon(true);
        return t;
    });

    @Override
    public CallHandle dial(Trunk trunk, String exten, CallerId callerId, CallProgress progress) {
        dialed.add(new Dialed(trunk, exten, callerId, progress));
        switch (exten) {
            case "486":
                timer.schedule(() -> progress.failed(DialStatus.BUSY, HangupCause.USER_BUSY), 10,
                        TimeUnit.MILLISECONDS);
                break;
            case "408":
                timer.schedule(progress::ringing, 10, TimeUnit.MILLISECONDS);
                break;
            default:
                timer.schedule(progress::ringing, 10, TimeUnit.MILLISECONDS);
                timer.schedule(progress::answered, 30, TimeUnit.MILLISECONDS);
        }
        return hangups::add;
    }

    /** The far end hangs up the last answered call. */
    void farEndHangsUp() {
        dialed.get(dialed.size() - 1).progress().remoteHangup(HangupCause.NORMAL_CLEARING);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
