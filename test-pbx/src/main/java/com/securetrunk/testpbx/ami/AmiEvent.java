package com.securetrunk.testpbx.ami;

import java.util.Map;

/**
 * An unsolicited AMI event: {@code Event: <name>}, {@code Privilege: <class>,all}, then the fields in order
 * ({@code manager_event} / {@code __manager_event_sessions} in manager.c, no timestamps or debug headers since the
 * simulated manager.conf has {@code timestampevents=no}).
 */
public record AmiEvent(String name, EventClass eventClass, AmiMessage fields) {

    public AmiMessage toMessage() {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", name).add("Privilege", eventClass.privilege());
        for (Map.Entry<String, String> f : fields.headers()) {
            b.add(f.getKey(), f.getValue());
        }
        return b.build();
    }
}
