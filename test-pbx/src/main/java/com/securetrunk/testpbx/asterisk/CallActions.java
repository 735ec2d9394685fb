package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiEvent;
import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiResponses;
import com.securetrunk.testpbx.ami.AmiSession;
import com.securetrunk.testpbx.ami.EventClass;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Originate and Hangup. An Originate dials the trunk named in {@code Channel} through the {@link ChannelDriver} (the
 * SIP side) and turns its progress into the events of the 20.20.1 transcript: Newchannel, [VarSet], NewCallerid,
 * NewConnectedLine, DialBegin, Newstate Ringing, DialState RINGING, Newstate Up, DialEnd ANSWER, OriginateResponse.
 */
final class CallActions {

    /** Asterisk's Originate default timeout, 30 s. */
    private static final long DEFAULT_TIMEOUT_MS = 30_000;

    private final SimulatedAsterisk pbx;
    private final ScheduledExecutorService timers;

    CallActions(SimulatedAsterisk pbx, ScheduledExecutorService timers) {
        this.pbx = pbx;
        this.timers = timers;
    }

    void originate(AmiSession s, AmiMessage m) {
        String channel = m.get("Channel").trim();
        if (channel.isEmpty()) {
            s.send(AmiResponses.error(m, "Channel not specified"));
            return;
        }
        String exten = m.get("Exten").trim();
        String context = m.get("Context").trim();
        String priorityText = m.get("Priority").trim();
        String application = m.get("Application").trim();
        int priority = 1;
        if (!priorityText.isEmpty()) {
            try {
                priority = Integer.parseInt(priorityText);
            } catch (NumberFormatException e) {
                s.send(AmiResponses.error(m, "Invalid priority"));
                return;
            }
        }
        long timeout = DEFAULT_TIMEOUT_MS;
        if (!m.get("Timeout").isBlank()) {
            try {
                timeout = Long.parseLong(m.get("Timeout").trim());
            } catch (NumberFormatException e) {
                s.send(AmiResponses.error(m, "Invalid timeout"));
                return;
            }
        }
        if (channel.indexOf('/') < 0) {
            s.send(AmiResponses.error(m, "Invalid channel"));
            return;
        }
        if (application.isEmpty() && !exten.isEmpty() && (context.isEmpty() || priorityText.isEmpty())) {
            s.send(AmiResponses.error(m, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        boolean async = CliCommands.isTrue(m.get("Async").isEmpty() ? "no" : m.get("Async"));
        OriginateRequest req = new OriginateRequest(m.get("ActionID"), channel, context, exten, priority,
                application, m.get("Data"), CallerId.parse(m.get("CallerID")), timeout, m);
        if (async) {
            // Asterisk queues the call on another thread after acknowledging: the ack precedes every call event.
            s.send(AmiResponses.success(m, "Originate successfully queued"));
            start(req);
            return;
        }
        CompletableFuture<Boolean> answered = start(req);
        boolean ok;
        try {
            ok = answered.get(timeout + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (ExecutionException | TimeoutException e) {
            ok = false;
        }
        s.send(ok ? AmiResponses.success(m, "Originate successfully queued")
                : AmiResponses.error(m, "Originate failed"));
    }

    /** What one Originate asked for. */
    private record OriginateRequest(String actionId, String channel, String context, String exten, int priority,
                                    String application, String data, CallerId callerId, long timeoutMs,
                                    AmiMessage request) {
    }

    private CompletableFuture<Boolean> start(OriginateRequest req) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Optional<DialTarget> target = DialTarget.parse(req.channel());
        Optional<Trunk> trunk = target.flatMap(t -> pbx.liveTrunk(t.driver(), t.peer()));
        ChannelDriver driver = pbx.channelDriver();
        if (trunk.isEmpty() || !trunk.get().dialable() || driver == null) {
            // No channel can be created (unknown peer/endpoint, no address, or no SIP side): Asterisk logs
            // "Unable to request channel" and emits no channel events, only the failed OriginateResponse.
            originateResponse(req, false, 0, req.channel(), "<null>", CallerId.UNKNOWN);
            result.complete(false);
            return result;
        }
        Trunk t = trunk.get();
        ChannelTable table = pbx.channels();
        Channel ch = table.create(t.driver(), t.name(), t.context(), "s", CallerId.UNKNOWN);
        for (String header : req.request().getAll("Variable")) {
            for (String assignment : header.split(",")) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    table.setVariable(ch, assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
                }
            }
        }
        if (!req.callerId().isEmpty()) {
            table.newCallerId(ch, req.callerId());
        }
        table.dialBegin(ch, target.get().dialString());
        AtomicBoolean settled = new AtomicBoolean();
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        ChannelDriver.CallProgress progress = new ChannelDriver.CallProgress() {
            @Override
            public void ringing() {
                if (!settled.get() && !ch.isHungUp()) {
                    table.newState(ch, ChannelState.RINGING);
                    table.dialState(ch, DialStatus.RINGING);
                }
            }

            @Override
            public void answered() {
                if (!settled.compareAndSet(false, true) || ch.isHungUp()) {
                    return;
                }
                cancel(timer[0]);
                table.newState(ch, ChannelState.UP);
                table.dialEnd(ch, DialStatus.ANSWER);
                originateResponse(req, true, DialStatus.ANSWER.originateReason(), ch.name(), ch.uniqueid(),
                        ch.caller());
                if (req.application().isEmpty()) {
                    table.enterDialplan(ch, req.context(), req.exten(), req.priority());
                }
                result.complete(true);
            }

            @Override
            public void failed(DialStatus status, HangupCause cause) {
                if (!settled.compareAndSet(false, true)) {
                    return;
                }
                cancel(timer[0]);
                table.dialEnd(ch, status);
                table.hangup(ch, cause, false, false);
                originateResponse(req, false, status.originateReason(), ch.name(), ch.uniqueid(), ch.caller());
                result.complete(false);
            }

            @Override
            public void remoteHangup(HangupCause cause) {
                table.hangup(ch, cause, false, true);
            }
        };
        ch.beforeLocalHangup(() -> {
            if (settled.compareAndSet(false, true)) {
                cancel(timer[0]);
                table.dialEnd(ch, DialStatus.CANCEL);
                originateResponse(req, false, 1, ch.name(), ch.uniqueid(), ch.caller());
                result.complete(false);
            }
        });
        ChannelDriver.CallHandle handle = driver.dial(t, target.get().exten(), req.callerId(), progress);
        ch.callHandle(handle);
        pbx.announceSipCallId(ch, handle.sipCallId(), true);
        if (req.timeoutMs() > 0 && !settled.get()) {
            timer[0] = timers.schedule(() -> {
                if (!settled.get()) {
                    handle.hangup(HangupCause.NO_ANSWER);
                    progress.failed(DialStatus.NOANSWER, HangupCause.NO_ANSWER);
                }
            }, req.timeoutMs(), TimeUnit.MILLISECONDS);
        }
        return result;
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** OriginateResponse (class call): ActionID echoed so clients can route it, Reason = last control frame. */
    private void originateResponse(OriginateRequest req, boolean success, int reason, String channel,
                                   String uniqueid, CallerId caller) {
        AmiMessage.Builder b = AmiMessage.builder().actionId(req.actionId())
                .add("Response", success ? "Success" : "Failure")
                .add("Channel", channel);
        if (req.application().isEmpty()) {
            b.add("Context", req.context()).add("Exten", req.exten());
        } else {
            b.add("Application", req.application()).add("Data", req.data());
        }
        b.add("Reason", reason).add("Uniqueid", uniqueid)
                .add("CallerIDNum", caller.amiNumber()).add("CallerIDName", caller.amiName());
        pbx.publish(new AmiEvent("OriginateResponse", EventClass.CALL, b.build()));
    }

    /** {@code action_hangup}: {@code Message: Channel Hungup}; the SIP side sends CANCEL/BYE. */
    void hangup(AmiSession s, AmiMessage m) {
        String name = m.get("Channel").trim();
        if (name.isEmpty()) {
            s.send(AmiResponses.error(m, "No channel specified"));
            return;
        }
        HangupCause cause = HangupCause.NORMAL_CLEARING;
        if (!m.get("Cause").isBlank()) {
            // manager.c: an invalid Cause is logged and ignored ("better to hangup without cause than to not
            // hang up at all").
            try {
                int code = Integer.parseInt(m.get("Cause").trim());
                if (code > 0 && code <= 127) {
                    cause = HangupCause.fromCode(code);
                }
            } catch (NumberFormatException e) {
                cause = HangupCause.NORMAL_CLEARING;
            }
        }
        Optional<Channel> ch = pbx.channels().find(name);
        if (ch.isEmpty()) {
            s.send(AmiResponses.error(m, "No such channel"));
            return;
        }
        Channel c = ch.get();
        ChannelDriver.CallHandle handle = c.callHandle();
        if (handle != null) {
            if (pbx.dropsByes()) {
                handle.hangupDroppingBye(cause);
            } else {
                handle.hangup(cause);
            }
        }
        Runnable before = c.beforeLocalHangup();
        if (before != null) {
            before.run();
        }
        pbx.channels().hangup(c, cause, true, false);
        s.send(AmiResponses.success(m, "Channel Hungup"));
    }
}
