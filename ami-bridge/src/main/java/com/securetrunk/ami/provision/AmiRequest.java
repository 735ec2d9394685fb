package com.securetrunk.ami.provision;

import com.securetrunk.ami.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An AMI action as ordered headers, exactly as it goes on the wire (minus the {@code ActionID} asterisk-java adds).
 * The dry run prints it; the provisioner sends it.
 *
 * @param action  the {@code Action:} value
 * @param headers the other headers in order
 */
public record AmiRequest(String action, List<Header> headers) {

    /** AMI allows at most 128 header lines per action (AST_MAX_MANHEADERS); room for Action and ActionID. */
    public static final int MAX_HEADERS = 126;

    /**
     * One header.
     *
     * @param name   header name
     * @param value  header value
     * @param secret redact in printouts
     */
    public record Header(String name, String value, boolean secret) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + ": " + (secret ? Secret.REDACTED : value);
        }
    }

    public AmiRequest {
        Objects.requireNonNull(action, "action");
        headers = List.copyOf(headers);
        if (headers.size() > MAX_HEADERS) {
            throw new IllegalArgumentException("AMI action " + action + ": " + headers.size()
                    + " headers, Asterisk accepts at most " + MAX_HEADERS);
        }
    }

    /** {@code UpdateConfig} of one file with numbered commands and no reload (the reload is its own step). */
    public static AmiRequest updateConfig(String filename, List<ConfigChange> changes) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("SrcFilename", filename, false));
        h.add(new Header("DstFilename", filename, false));
        h.add(new Header("Reload", "no", false));
        for (int i = 0; i < changes.size(); i++) {
            ConfigChange c = changes.get(i);
            String n = String.format("%06d", i);
            h.add(new Header("Action-" + n, c.op().wire(), false));
            h.add(new Header("Cat-" + n, c.cat(), false));
            if (c.var() != null) {
                h.add(new Header("Var-" + n, c.var(), false));
            }
            if (c.value() != null) {
                h.add(new Header("Value-" + n, c.value(), c.secret()));
            }
            if (c.match() != null) {
                h.add(new Header("Match-" + n, c.match(), c.secret()));
            }
        }
        return new AmiRequest("UpdateConfig", h);
    }

    /** {@code Reload} of one module (main/manager.c action_reload). */
    public static AmiRequest reload(String module) {
        return new AmiRequest("Reload", List.of(new Header("Module", module, false)));
    }

    /** The action as AMI text, secrets redacted, lines ending {@code \n}, a blank line at the end. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Action: ").append(action).append('\n');
        for (Header h : headers) {
            out.append(h.name()).append(": ").append(h.secret() ? Secret.REDACTED : h.value()).append('\n');
        }
        return out.append('\n').toString();
    }
}
