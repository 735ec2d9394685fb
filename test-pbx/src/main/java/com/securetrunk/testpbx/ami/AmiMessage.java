package com.securetrunk.testpbx.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One AMI message: an ordered list of {@code Key: Value} headers. Order matters on the wire (Asterisk writes
 * {@code Response} first, then {@code ActionID}, then {@code EventList}/{@code Message}), and keys may repeat
 * ({@code Output:} lines from 14.0, {@code Variable:} in Originate), so this is a list, not a map.
 *
 * <p>Lookups are case-insensitive, like {@code astman_get_header()}.
 */
public final class AmiMessage {

    private final List<Map.Entry<String, String>> headers;

    private AmiMessage(List<Map.Entry<String, String>> headers) {
        this.headers = Collections.unmodifiableList(headers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** First value of {@code key} (case-insensitive), or {@code ""} when absent — Asterisk treats both alike. */
    public String get(String key) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                return h.getValue();
            }
        }
        return "";
    }

    public boolean has(String key) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /** Every value of {@code key}, in order (e.g. repeated {@code Variable:} headers). */
    public List<String> getAll(String key) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    /** The {@code Action} header, lower-cased for dispatch. */
    public String actionName() {
        return get("Action").trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AmiMessage{");
        for (Map.Entry<String, String> h : headers) {
            // Secrets and MD5 keys never reach a log.
            boolean secret = h.getKey().equalsIgnoreCase("Secret") || h.getKey().equalsIgnoreCase("Key");
            sb.append(h.getKey()).append('=').append(secret ? "<redacted>" : h.getValue()).append("; ");
        }
        return sb.append('}').toString();
    }

    /** Builds a message header by header, keeping insertion order. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        public Builder add(String key, String value) {
            headers.add(Map.entry(key, value == null ? "" : value));
            return this;
        }

        public Builder add(String key, long value) {
            return add(key, Long.toString(value));
        }

        /** Adds {@code ActionID} only when the request carried one, as {@code astman_send_response_full} does. */
        public Builder actionId(String actionId) {
            if (actionId != null && !actionId.isEmpty()) {
                add("ActionID", actionId);
            }
            return this;
        }

        public Builder addAll(AmiMessage other) {
            headers.addAll(other.headers);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(new ArrayList<>(headers));
        }
    }
}
