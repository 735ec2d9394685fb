package com.securetrunk.testpbx.asterisk;

import java.util.Optional;

/**
 * The parts of an Originate {@code Channel:} value: {@code SIP/gw/1000}, {@code SIP/1000@gw}, {@code SIP/gw},
 * {@code PJSIP/1000@gw}, {@code PJSIP/gw}, {@code PJSIP/gw/sip:1000@host}.
 *
 * @param driver     channel technology
 * @param peer       peer / endpoint name
 * @param exten      number dialled at the far end ({@code ""} for none)
 * @param dialString what follows {@code TECH/} — the DialBegin {@code DialString}
 */
record DialTarget(Trunk.Driver driver, String peer, String exten, String dialString) {

    static Optional<DialTarget> parse(String channel) {
        int slash = channel.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        Trunk.Driver driver = Trunk.Driver.fromTechnology(channel.substring(0, slash));
        if (driver == null) {
            return Optional.empty();
        }
        String data = channel.substring(slash + 1).trim();
        if (data.isEmpty()) {
            return Optional.empty();
        }
        String peer;
        String exten;
        int second = data.indexOf('/');
        int at = data.indexOf('@');
        if (second > 0) {
            peer = data.substring(0, second);
            exten = data.substring(second + 1);
            if (exten.toLowerCase().startsWith("sip:")) {
                String user = exten.substring(4);
                int uat = user.indexOf('@');
                exten = uat >= 0 ? user.substring(0, uat) : "";
            }
        } else if (at >= 0) {
            exten = data.substring(0, at);
            peer = data.substring(at + 1);
        } else {
            peer = data;
            exten = "";
        }
        return Optional.of(new DialTarget(driver, peer, exten, data));
    }
}
