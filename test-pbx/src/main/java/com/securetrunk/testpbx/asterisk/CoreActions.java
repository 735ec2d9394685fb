package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiResponses;
import com.securetrunk.testpbx.ami.AmiSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Ping, CoreSettings, CoreStatus and Command, shaped per personality. */
final class CoreActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SimulatedAsterisk pbx;

    CoreActions(SimulatedAsterisk pbx) {
        this.pbx = pbx;
    }

    /** {@code action_ping}: Ping: Pong and a {@code sec.usec} timestamp. */
    void ping(AmiSession s, AmiMessage m) {
        Instant now = Instant.now();
        s.send(AmiResponses.startSuccess(m).add("Ping", "Pong")
                .add("Timestamp", String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000))
                .build());
    }

    /** {@code action_coresettings}; field order as in the 20.20.1 transcript. */
    void coreSettings(AmiSession s, AmiMessage m) {
        AsteriskPersonality p = pbx.personality();
        AmiMessage.Builder b = AmiResponses.startSuccess(m)
                .add("AMIversion", p.amiVersion())
                .add("AsteriskVersion", p.asteriskVersion())
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No");
        if (p.coreSettingsHasSoundsSearchCustomDir()) {
            b.add("SoundsSearchCustomDir", "No");
        }
        s.send(b.build());
    }

    /** {@code action_corestatus}: startup and last-reload date/time in local time, current calls. */
    void coreStatus(AmiSession s, AmiMessage m) {
        ZoneId zone = ZoneId.systemDefault();
        AmiMessage.Builder b = AmiResponses.startSuccess(m)
                .add("CoreStartupDate", DATE.format(pbx.startedAt().atZone(zone)))
                .add("CoreStartupTime", TIME.format(pbx.startedAt().atZone(zone)))
                .add("CoreReloadDate", DATE.format(pbx.lastReloadAt().atZone(zone)))
                .add("CoreReloadTime", TIME.format(pbx.lastReloadAt().atZone(zone)))
                .add("CoreCurrentCalls", pbx.channels().currentCalls());
        if (pbx.personality().coreStatusHasProcessedCalls()) {
            b.add("CoreProcessedCalls", pbx.channels().processedCalls());
        }
        s.send(b.build());
    }

    /**
     * {@code action_command}. Before 14.0: {@code Response: Follows}, {@code Privilege: Command}, ActionID, the CLI
     * text with LF line ends, {@code --END COMMAND--}. From 14.0: Success/Error, {@code Message: Command output
     * follows}, one {@code Output:} header per line.
     */
    void command(AmiSession s, AmiMessage m) {
        String cmd = m.get("Command");
        if (cmd.isBlank()) {
            s.send(AmiResponses.error(m, "No command provided"));
            return;
        }
        String lower = cmd.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("module load") || lower.startsWith("module unload")) {
            s.send(AmiResponses.error(m, "Command blacklisted"));
            return;
        }
        CliResult r = pbx.cli().run(cmd);
        if (pbx.personality().commandOutputHeaders()) {
            AmiMessage.Builder b = AmiMessage.builder().add("Response", r.success() ? "Success" : "Error")
                    .actionId(m.get("ActionID")).add("Message", "Command output follows");
            for (String line : r.lines()) {
                b.add("Output", line);
            }
            s.send(b.build());
            return;
        }
        StringBuilder raw = new StringBuilder();
        raw.append("Response: Follows\r\nPrivilege: Command\r\n");
        String id = m.get("ActionID");
        if (!id.isEmpty()) {
            raw.append("ActionID: ").append(id).append("\r\n");
        }
        for (String line : r.lines()) {
            raw.append(line).append('\n');
        }
        raw.append("--END COMMAND--\r\n\r\n");
        s.sendRaw(raw.toString());
    }
}
