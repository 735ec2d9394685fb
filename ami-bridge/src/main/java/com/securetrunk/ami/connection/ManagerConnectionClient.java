package com.securetrunk.ami.connection;

import com.securetrunk.ami.provision.AmiRequest;
import com.securetrunk.ami.provision.ConfigEntry;
import com.securetrunk.ami.provision.ConfigFile;
import com.securetrunk.ami.provision.ConfigSection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.GetConfigAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.GetConfigResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link AmiClient} over an asterisk-java {@link ManagerConnection} that is logged in. */
public final class ManagerConnectionClient implements AmiClient {

    private final ManagerConnection connection;
    private final long timeoutMillis;

    public ManagerConnectionClient(ManagerConnection connection, long timeoutMillis) {
        this.connection = connection;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<String> coreSettings() throws AmiException {
        ManagerResponse r = call(new CoreSettingsAction(), "CoreSettings");
        if (!(r instanceof CoreSettingsResponse cs)) {
            throw new AmiException(AmiException.Kind.UNEXPECTED_RESPONSE, "CoreSettings", r.getResponse(), null);
        }
        return List.of(nullToEmpty(cs.getAsteriskVersion()), nullToEmpty(cs.getAmiVersion()));
    }

    @Override
    public List<String> command(String cli) throws AmiException {
        String name = "Command '" + cli + "'";
        ManagerResponse r = call(new CommandAction(cli), name);
        if (r instanceof CommandResponse c && c.getResult() != null) {
            return List.copyOf(c.getResult());
        }
        String output = r.getOutput();
        if (output != null) {
            return output.lines().toList();
        }
        throw new AmiException(AmiException.Kind.UNEXPECTED_RESPONSE, name, r.getResponse(), null);
    }

    @Override
    public ConfigFile getConfig(String filename) throws AmiException {
        String name = "GetConfig " + filename;
        ManagerResponse r = call(new GetConfigAction(filename), name);
        if (!(r instanceof GetConfigResponse gc)) {
            throw new AmiException(AmiException.Kind.UNEXPECTED_RESPONSE, name, r.getResponse(), null);
        }
        Map<Integer, String> categories = new TreeMap<>(gc.getCategories() == null ? Map.of() : gc.getCategories());
        List<ConfigSection> sections = new ArrayList<>();
        for (Map.Entry<Integer, String> cat : categories.entrySet()) {
            Map<Integer, String> lines = gc.getLines(cat.getKey());
            List<ConfigEntry> entries = new ArrayList<>();
            if (lines != null) {
                new TreeMap<>(lines).values().forEach(l -> entries.add(ConfigEntry.parseLine(l)));
            }
            sections.add(new ConfigSection(cat.getValue(), entries));
        }
        return new ConfigFile(filename, sections);
    }

    @Override
    public void send(AmiRequest request) throws AmiException {
        call(new RawAction(request), request.action());
    }

    private ManagerResponse call(ManagerAction action, String name) throws AmiException {
        ManagerResponse r;
        try {
            r = connection.sendAction(action, timeoutMillis);
        } catch (TimeoutException e) {
            throw new AmiException(AmiException.Kind.TIMEOUT, name, e.getMessage(), e);
        } catch (IOException e) {
            throw new AmiException(AmiException.Kind.IO, name, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new AmiException(AmiException.Kind.NOT_CONNECTED, name, e.getMessage(), e);
        }
        if (r == null) {
            throw new AmiException(AmiException.Kind.UNEXPECTED_RESPONSE, name, "no response", null);
        }
        if (r instanceof ManagerError || "Error".equalsIgnoreCase(r.getResponse())) {
            throw new AmiException(AmiException.Kind.ERROR_RESPONSE, name,
                    r.getMessage() == null ? "Response: Error" : r.getMessage().strip(), null);
        }
        return r;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
