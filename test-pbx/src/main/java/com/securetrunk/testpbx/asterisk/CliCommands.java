package com.securetrunk.testpbx.asterisk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CLI commands the simulator understands, printing what real Asterisk prints (column formats from the
 * {@code FORMAT}/{@code MODLIST_FORMAT} strings of chan_sip.c and loader.c; pinned against the 20.20.1 transcript
 * by tests). Everything else gets the CLI's "No such command" line.
 */
final class CliCommands {

    /** chan_sip.c {@code _sip_show_peers}: FORMAT2 (header) and FORMAT (rows). */
    private static final String SIP_PEERS_FORMAT = "%-25.25s %-39.39s %-3.3s %-10.10s %-10.10s %-3.3s %-8s %-11s %-32.32s %s";
    /** loader.c {@code MODLIST_FORMAT2}: module, description, use count, status, support level. */
    private static final String MODLIST_FORMAT = "%-30s %-40.40s %-10s %-11s %13s";

    private static final List<List<String>> KNOWN = List.of(
            List.of("core", "show", "version"),
            List.of("module", "show", "like"),
            List.of("module", "show"),
            List.of("pjsip", "show", "version"),
            List.of("pjsip", "show", "endpoints"),
            List.of("sip", "show", "peers"));

    private final SimulatedAsterisk pbx;

    CliCommands(SimulatedAsterisk pbx) {
        this.pbx = pbx;
    }

    CliResult run(String commandLine) {
        List<String> words = Arrays.stream(commandLine.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        String cmd = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (cmd.equals("core show version")) {
            return ok(List.of(pbx.versionLine()));
        }
        if (cmd.equals("module show")) {
            return moduleShow("");
        }
        if (cmd.startsWith("module show like ") && words.size() == 4) {
            return moduleShow(words.get(3));
        }
        if (cmd.equals("pjsip show version")) {
            return ok(List.of("PJPROJECT version currently running against: "
                    + pbx.personality().pjprojectVersion()));
        }
        if (cmd.equals("sip show peers")) {
            return sipShowPeers();
        }
        if (cmd.equals("pjsip show endpoints")) {
            return pjsipShowEndpoints();
        }
        return new CliResult(false, List.of("No such command '" + String.join(" ", words)
                + "' (type 'core show help " + bestPrefix(words) + "' for other possible commands)"));
    }

    private static CliResult ok(List<String> lines) {
        return new CliResult(true, lines);
    }

    private CliResult moduleShow(String like) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, MODLIST_FORMAT, "Module", "Description", "Use Count", "Status",
                "Support Level"));
        int count = 0;
        for (Module m : pbx.modules()) {
            if (!like.isEmpty() && !m.resource().toLowerCase(Locale.ROOT).contains(like.toLowerCase(Locale.ROOT))) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, MODLIST_FORMAT, m.resource(), m.description(),
                    Integer.toString(m.useCount()), "Running", m.supportLevel()));
            count++;
        }
        lines.add(count + " modules loaded");
        return ok(lines);
    }

    private CliResult sipShowPeers() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, SIP_PEERS_FORMAT, "Name/username", "Host", "Dyn", "Forcerport",
                "Comedia", "ACL", "Port", "Status", "Description", ""));
        int monitoredOnline = 0;
        int unmonitoredOnline = 0;
        int unmonitoredOffline = 0;
        for (Trunk t : pbx.sipPeers()) {
            String user = t.options().getOrDefault("defaultuser", t.options().getOrDefault("username", ""));
            String name = user.isEmpty() ? t.name() : t.name() + "/" + user;
            boolean qualify = isTrue(t.options().getOrDefault("qualify", "no"));
            String status = qualify ? "UNKNOWN" : "Unmonitored";
            if (!qualify) {
                if (t.dialable()) {
                    unmonitoredOnline++;
                } else {
                    unmonitoredOffline++;
                }
            }
            lines.add(String.format(Locale.ROOT, SIP_PEERS_FORMAT, name,
                    t.dialable() ? t.host() : "(Unspecified)", t.dialable() ? "" : "D",
                    forcerport(t), comedia(t), t.options().containsKey("permit") ? "A" : "",
                    Integer.toString(t.dialable() ? t.port() : 0), status,
                    t.options().getOrDefault("description", ""), ""));
        }
        int total = pbx.sipPeers().size();
        lines.add(String.format(Locale.ROOT,
                "%d sip peers [Monitored: %d online, %d offline Unmonitored: %d online, %d offline]",
                total, monitoredOnline, total - monitoredOnline - unmonitoredOnline - unmonitoredOffline,
                unmonitoredOnline, unmonitoredOffline));
        return ok(lines);
    }

    /** chan_sip's default {@code nat=auto_force_rport}: shown as {@code Auto (No)} until a NAT is detected. */
    static String forcerport(Trunk t) {
        String nat = t.options().getOrDefault("nat", "auto_force_rport").toLowerCase(Locale.ROOT);
        return nat.contains("force_rport") && !nat.contains("auto") ? "Yes"
                : nat.contains("auto_force_rport") ? "Auto (No)" : "No";
    }

    static String comedia(Trunk t) {
        String nat = t.options().getOrDefault("nat", "auto_force_rport").toLowerCase(Locale.ROOT);
        return nat.contains("comedia") && !nat.contains("auto_comedia") ? "Yes"
                : nat.contains("auto_comedia") ? "Auto (No)" : "No";
    }

    private CliResult pjsipShowEndpoints() {
        List<Trunk> endpoints = pbx.pjsipEndpoints();
        if (endpoints.isEmpty()) {
            return ok(List.of("", "No objects found.", ""));
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(" Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>");
        lines.add("        Aor:  <Aor............................................>  <MaxContact>");
        lines.add("      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>");
        lines.add("  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>");
        lines.add("==========================================================================================");
        lines.add("");
        for (Trunk t : endpoints) {
            lines.add(String.format(Locale.ROOT, " Endpoint:  %-53.53s %-12.12s  %d of inf", t.name(),
                    t.dialable() ? "Not in use" : "Unavailable", pbx.channelCount(t)));
            String aors = t.options().getOrDefault("aors", "");
            if (!aors.isEmpty()) {
                lines.add(String.format(Locale.ROOT, "        Aor:  %-51.51s %-12d", aors, 0));
                if (t.dialable()) {
                    lines.add(String.format(Locale.ROOT, "      Contact:  %-42.42s %-10.10s %-8.8s %11s",
                            aors + "/sip:" + t.host() + ":" + t.port(), "0000000000", "NonQual", "nan"));
                }
            }
            String transport = t.options().getOrDefault("transport", "");
            if (!transport.isEmpty()) {
                lines.add(String.format(Locale.ROOT, "  Transport:  %-21.21s %-6.6s %5d %5d  %s", transport,
                        t.transport(), 0, 0, pbx.sipBindAddress()));
            }
            lines.add("");
        }
        lines.add("");
        lines.add("Objects found: " + endpoints.size());
        lines.add("");
        return ok(lines);
    }

    /**
     * {@code find_best} in cli.c: the words of the longest known-command prefix plus the first word that no longer
     * matches. Matches the 20.20.1 transcript ("no such command here" -> "no such").
     */
    private static String bestPrefix(List<String> words) {
        int matched = 0;
        for (int n = 1; n <= words.size(); n++) {
            int len = n;
            List<String> prefix = words.subList(0, n).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            boolean any = KNOWN.stream().anyMatch(k -> k.size() >= len && k.subList(0, len).equals(prefix));
            if (!any) {
                break;
            }
            matched = n;
        }
        int shown = Math.min(words.size(), Math.max(matched + 1, 2));
        return String.join(" ", words.subList(0, shown));
    }

    /** {@code ast_true}: yes, true, y, t, 1, on (case-insensitive). */
    static boolean isTrue(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("y") || s.equals("t") || s.equals("1")
                || s.equals("on");
    }
}
