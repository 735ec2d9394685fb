package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import java.util.Objects;

/**
 * One channel in the channel table, with the fields of an AMI channel snapshot ({@code ast_manager_build_channel_
 * state_string} in main/manager_channels.c). Mutated only by {@link ChannelTable}, which emits the matching events.
 */
public final class Channel {

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final Trunk.Driver driver;
    private final long createdMillis = System.currentTimeMillis();
    private ChannelState state = ChannelState.DOWN;
    private CallerId caller = CallerId.UNKNOWN;
    private CallerId connected = CallerId.UNKNOWN;
    private String context;
    private String exten;
    private int priority = 1;
    private boolean hungUp;
    private ChannelDriver.CallHandle callHandle;

    Channel(String name, String uniqueid, Trunk.Driver driver, String context, String exten) {
        this.name = Objects.requireNonNull(name);
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.driver = driver;
        this.context = context;
        this.exten = exten;
    }

    public synchronized String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public Trunk.Driver driver() {
        return driver;
    }

    public synchronized ChannelState state() {
        return state;
    }

    public synchronized CallerId caller() {
        return caller;
    }

    public synchronized String context() {
        return context;
    }

    public synchronized String exten() {
        return exten;
    }

    /** Seconds since the channel was created (Status {@code Seconds}, CoreShowChannel {@code Duration}). */
    public long ageSeconds() {
        return (System.currentTimeMillis() - createdMillis) / 1000;
    }

    public synchronized boolean isHungUp() {
        return hungUp;
    }

    synchronized void state(ChannelState s) {
        state = s;
    }

    synchronized void caller(CallerId c) {
        caller = c;
    }

    synchronized void connected(CallerId c) {
        connected = c;
    }

    synchronized void location(String ctx, String ext, int prio) {
        context = ctx;
        exten = ext;
        priority = prio;
    }

    /** Marks the channel hung up; true only for the first call, so each channel emits one Hangup. */
    synchronized boolean markHungUp() {
        if (hungUp) {
            return false;
        }
        hungUp = true;
        return true;
    }

    /** Run when the PBX itself ends the channel before its dial settled (Originate still ringing). */
    private Runnable beforeLocalHangup;

    synchronized void beforeLocalHangup(Runnable r) {
        beforeLocalHangup = r;
    }

    synchronized Runnable beforeLocalHangup() {
        return beforeLocalHangup;
    }

    synchronized void callHandle(ChannelDriver.CallHandle call) {
        callHandle = call;
    }

    synchronized ChannelDriver.CallHandle callHandle() {
        return callHandle;
    }

    /** The snapshot block; {@code prefix} is {@code ""} or {@code "Dest"} (DialBegin/DialEnd destination). */
    public synchronized AmiMessage snapshot(String prefix) {
        return AmiMessage.builder()
                .add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state.code())
                .add(prefix + "ChannelStateDesc", state.description())
                .add(prefix + "CallerIDNum", caller.amiNumber())
                .add(prefix + "CallerIDName", caller.amiName())
                .add(prefix + "ConnectedLineNum", connected.amiNumber())
                .add(prefix + "ConnectedLineName", connected.amiName())
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid)
                .build();
    }
}
