package com.securetrunk.ami.connection;

import com.securetrunk.ami.provision.AmiRequest;
import org.asteriskjava.manager.action.AbstractManagerAction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link AmiRequest} as an asterisk-java action. asterisk-java writes an action's {@code getAttributes()} map as
 * raw {@code Key: Value} headers in iteration order (ActionBuilderImpl), so the headers go out exactly as the dry
 * run printed them: same names, same order. (Its own UpdateConfigAction keeps them in a HashMap, in no order, and
 * has no Reload action.)
 * Public because asterisk-java reads the getters reflectively.
 */
public final class RawAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String action;
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();

    public RawAction(AmiRequest request) {
        this.action = request.action();
        for (AmiRequest.Header h : request.headers()) {
            attributes.put(h.name(), h.value());
        }
    }

    @Override
    public String getAction() {
        return action;
    }

    /** Read reflectively by asterisk-java's ActionBuilderImpl. */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "RawAction[" + action + ", " + attributes.size() + " headers]"; // values may hold secrets
    }
}
