package com.securetrunk.ami.events;

import com.securetrunk.ami.ChannelHangup;
import com.securetrunk.ami.provision.ManagedNames;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ties Asterisk channels on the SecureTrunk trunk to SIP Call-IDs. Pure and single-threaded (the bridge calls it
 * from its own thread only).
 *
 * <p>The Call-ID arrives in a {@code VarSet} event: chan_sip sets {@code SIPCALLID} on every SIP channel; for res_pjsip
 * the drop-in dialplan sets {@code SECURETRUNK_CALLID}. Only channels named {@code PJSIP/<trunk>-...} or
 * {@code SIP/<trunk>-...} count. A {@code Hangup} of a correlated channel yields a {@link ChannelHangup} and forgets
 * the channel. At most {@code capacity} channels are remembered; the oldest is dropped first (a channel whose
 * Hangup was lost must not pin memory forever).
 */
public final class ChannelCorrelator {

    /** Channel variables that carry the SIP Call-ID. */
    public static final Set<String> CALL_ID_VARIABLES = Set.of("SIPCALLID", "SECURETRUNK_CALLID");

    private record Entry(String callId, String channel, String linkedId) {
    }

    private final ManagedNames names;
    private final int capacity;
    private final LinkedHashMap<String, Entry> byUniqueId;
    private long uncorrelatedHangups;
    private long evicted;

    public ChannelCorrelator(ManagedNames names, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: expected at least 1, found " + capacity);
        }
        this.names = names;
        this.capacity = capacity;
        this.byUniqueId = new LinkedHashMap<>(16, 0.75f, false);
    }

    /** True for {@code PJSIP/<trunk>-xxxxxxxx} and {@code SIP/<trunk>-xxxxxxxx}. */
    public boolean isTrunkChannel(String channel) {
        if (channel == null) {
            return false;
        }
        int slash = channel.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String tech = channel.substring(0, slash);
        if (!tech.equalsIgnoreCase("PJSIP") && !tech.equalsIgnoreCase("SIP")) {
            return false;
        }
        return channel.startsWith(names.trunk() + "-", slash + 1);
    }

    /**
     * A {@code VarSet}. Returns the new correlation the first time a trunk channel's Call-ID is seen.
     *
     * @return the call ID when this event tied a channel to it
     */
    public Optional<String> onVarSet(String channel, String uniqueId, String linkedId, String variable, String value) {
        if (variable == null || !CALL_ID_VARIABLES.contains(variable.toUpperCase(java.util.Locale.ROOT))
                || value == null || value.isBlank() || uniqueId == null || !isTrunkChannel(channel)) {
            return Optional.empty();
        }
        Entry old = byUniqueId.get(uniqueId);
        if (old != null && old.callId().equals(value)) {
            return Optional.empty();
        }
        byUniqueId.put(uniqueId, new Entry(value, channel, linkedId == null ? uniqueId : linkedId));
        while (byUniqueId.size() > capacity) {
            var it = byUniqueId.entrySet().iterator();
            it.next();
            it.remove();
            evicted++;
        }
        return Optional.of(value);
    }

    /** A {@code Hangup}: the hangup to report when the channel was correlated. */
    public Optional<ChannelHangup> onHangup(String channel, String uniqueId, String linkedId, Integer cause,
                                            String causeText) {
        if (uniqueId == null) {
            return Optional.empty();
        }
        Entry e = byUniqueId.remove(uniqueId);
        if (e == null) {
            if (isTrunkChannel(channel)) {
                uncorrelatedHangups++;
            }
            return Optional.empty();
        }
        String linked = linkedId != null ? linkedId : e.linkedId();
        return Optional.of(new ChannelHangup(e.callId(), channel != null ? channel : e.channel(), uniqueId, linked,
                cause == null ? -1 : cause, causeText == null ? "" : causeText));
    }

    /** Channels currently tied to a Call-ID. */
    public int size() {
        return byUniqueId.size();
    }

    /** Trunk channels hung up without a known Call-ID (the VarSet was missed, e.g. during a reconnect). */
    public long uncorrelatedHangups() {
        return uncorrelatedHangups;
    }

    /** Correlations dropped because the table was full. */
    public long evicted() {
        return evicted;
    }

    /** Snapshot for diagnostics: uniqueid to Call-ID. */
    public Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        byUniqueId.forEach((k, v) -> out.put(k, v.callId()));
        return out;
    }
}
