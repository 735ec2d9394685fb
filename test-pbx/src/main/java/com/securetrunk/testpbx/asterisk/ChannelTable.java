package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiEvent;
import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.EventClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live channels and the AMI events their changes produce, in the order and shape of Asterisk 12+
 * (stasis channel events, main/manager_channels.c, checked against the 20.20.1 transcript): Newchannel, VarSet,
 * NewCallerid, NewConnectedLine, DialBegin, Newstate, DialState, DialEnd, SoftHangupRequest, Hangup.
 */
public final class ChannelTable {

    private final Consumer<AmiEvent> events;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<Trunk.Driver, AtomicInteger> nameCounters = new EnumMap<>(Trunk.Driver.class);
    private final AtomicLong uniqueCounter = new AtomicLong();
    private final AtomicLong processedCalls = new AtomicLong();

    public ChannelTable(Consumer<AmiEvent> events) {
        this.events = events;
        for (Trunk.Driver d : Trunk.Driver.values()) {
            nameCounters.put(d, new AtomicInteger());
        }
    }

    /**
     * Allocates a channel ({@code SIP/gw-00000000}: the driver's own counter in 8 hex digits, as chan_sip and
     * res_pjsip name channels) with uniqueid {@code <epoch seconds>.<n>}, and emits Newchannel.
     */
    public Channel create(Trunk.Driver driver, String peer, String context, String exten, CallerId caller) {
        String name = String.format(Locale.ROOT, "%s/%s-%08x", driver.technology(), peer,
                nameCounters.get(driver).getAndIncrement());
        String uniqueid = (System.currentTimeMillis() / 1000) + "." + uniqueCounter.getAndIncrement();
        Channel ch = new Channel(name, uniqueid, driver, context, exten);
        ch.caller(caller);
        channels.put(name.toLowerCase(Locale.ROOT), ch);
        processedCalls.incrementAndGet();
        emit("Newchannel", EventClass.CALL, ch.snapshot(""));
        return ch;
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(channels.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    public List<Channel> list() {
        return new ArrayList<>(channels.values());
    }

    public int currentCalls() {
        return channels.size();
    }

    public long processedCalls() {
        return processedCalls.get();
    }

    public void newState(Channel ch, ChannelState state) {
        ch.state(state);
        emit("Newstate", EventClass.CALL, ch.snapshot(""));
    }

    /** Caller ID set by Originate: NewCallerid then NewConnectedLine (the dialled side sees the caller). */
    public void newCallerId(Channel ch, CallerId callerId) {
        ch.caller(callerId);
        ch.location(ch.context(), "", 1);
        emit("NewCallerid", EventClass.CALL, AmiMessage.builder().addAll(ch.snapshot(""))
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").build());
        ch.connected(callerId);
        emit("NewConnectedLine", EventClass.CALL, ch.snapshot(""));
    }

    /** VarSet (class dialplan); the value is C-escaped as {@code ast_escape_c} does. */
    public void setVariable(Channel ch, String variable, String value) {
        emit("VarSet", EventClass.DIALPLAN, AmiMessage.builder().addAll(ch.snapshot(""))
                .add("Variable", variable).add("Value", escapeC(value)).build());
    }

    /** DialBegin of an Originate: no caller channel, only the Dest-prefixed snapshot and the dial string. */
    public void dialBegin(Channel dest, String dialString) {
        emit("DialBegin", EventClass.CALL, AmiMessage.builder().addAll(dest.snapshot("Dest"))
                .add("DialString", dialString).build());
    }

    /** Non-final progress: DialState with {@code DialStatus: RINGING}. */
    public void dialState(Channel dest, DialStatus status) {
        emit("DialState", EventClass.CALL, AmiMessage.builder().addAll(dest.snapshot("Dest"))
                .add("DialStatus", status.name()).build());
    }

    public void dialEnd(Channel dest, DialStatus status) {
        emit("DialEnd", EventClass.CALL, AmiMessage.builder().addAll(dest.snapshot("Dest"))
                .add("DialStatus", status.name()).build());
    }

    /** The channel moves into the dialplan (after an Originate answer, to Context/Exten/Priority). */
    public void enterDialplan(Channel ch, String context, String exten, int priority) {
        ch.location(context, exten, priority);
    }

    /**
     * Ends a channel once: a SoftHangupRequest first when the PBX itself asks (AMI Hangup, timeout), a
     * HangupRequest when the far end did, then Hangup with the cause. Returns false if already hung up.
     */
    public boolean hangup(Channel ch, HangupCause cause, boolean softRequest, boolean remoteRequest) {
        if (!ch.markHungUp()) {
            return false;
        }
        if (softRequest) {
            emit("SoftHangupRequest", EventClass.CALL, AmiMessage.builder().addAll(ch.snapshot(""))
                    .add("Cause", cause.code()).build());
        } else if (remoteRequest) {
            emit("HangupRequest", EventClass.CALL, ch.snapshot(""));
        }
        emit("Hangup", EventClass.CALL, AmiMessage.builder().addAll(ch.snapshot(""))
                .add("Cause", cause.code()).add("Cause-txt", cause.text()).build());
        channels.remove(ch.name().toLowerCase(Locale.ROOT));
        return true;
    }

    private void emit(String name, EventClass eventClass, AmiMessage fields) {
        events.accept(new AmiEvent(name, eventClass, fields));
    }

    static String escapeC(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
