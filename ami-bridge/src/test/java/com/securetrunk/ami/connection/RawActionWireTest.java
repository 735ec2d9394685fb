package com.securetrunk.ami.connection;

import com.securetrunk.ami.Secret;
import com.securetrunk.ami.provision.AmiRequest;
import com.securetrunk.ami.provision.ConfigChange;
import com.securetrunk.ami.provision.ConfigEntry;
import org.asteriskjava.manager.action.ManagerAction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What asterisk-java puts on the socket for a {@link RawAction} is what the dry run printed: same headers, same
 * order, CRLF line ends; only the {@code ActionID} asterisk-java adds and the case of "action:" differ (AMI header
 * names are case-insensitive). Uses asterisk-java's own writer (ActionBuilderImpl, package-private).
 */
class RawActionWireTest {

    private static String wire(ManagerAction action) throws Exception {
        Class<?> c = Class.forName("org.asteriskjava.manager.internal.ActionBuilderImpl");
        Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Method build = c.getMethod("buildAction", ManagerAction.class, String.class);
        build.setAccessible(true);
        return (String) build.invoke(k.newInstance(), action, "7_1");
    }

    @Test
    void updateConfigGoesOutExactlyAsPrinted() throws Exception {
        AmiRequest req = AmiRequest.updateConfig("pjsip.conf", List.of(
                ConfigChange.newCat("securetrunk-auth"),
                ConfigChange.append("securetrunk-auth", new ConfigEntry("password", "pw;1", true)),
                ConfigChange.update("securetrunk-aor", ConfigEntry.of("contact", "sip:a:5060"),
                        ConfigEntry.of("contact", "sip:a:5080"))));
        String sent = wire(new RawAction(req));
        String printed = req.render();

        assertThat(sent).startsWith("action: UpdateConfig\r\nactionid: 7_1#\r\n");
        String body = sent.substring(sent.indexOf("\r\n", sent.indexOf("actionid:")) + 2);
        String expected = printed.substring(printed.indexOf('\n') + 1)
                .replace(Secret.REDACTED, "pw;1").replace("\n", "\r\n");
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void reloadGoesOutWithItsModule() throws Exception {
        assertThat(wire(new RawAction(AmiRequest.reload("chan_sip.so"))))
                .isEqualTo("action: Reload\r\nactionid: 7_1#\r\nModule: chan_sip.so\r\n\r\n");
    }

    @Test
    void itsToStringShowsNoValues() {
        AmiRequest req = AmiRequest.updateConfig("sip.conf", List.of(
                ConfigChange.append("securetrunk", new ConfigEntry("secret", "hunter2", true))));
        assertThat(new RawAction(req).toString()).doesNotContain("hunter2");
    }
}
