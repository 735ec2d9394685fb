package com.securetrunk.testpbx.asterisk;

/**
 * Reads the subset of Asterisk's config syntax the simulator needs to seed its files: {@code [category]},
 * {@code key=value} or {@code key => value}, {@code ;} comments. Templates, {@code #include} and {@code (+)} are not
 * supported and are refused with the line number rather than silently misread.
 */
public final class ConfigText {

    private ConfigText() {
    }

    public static ConfigFile parse(String filename, String text) {
        ConfigFile file = new ConfigFile(filename);
        ConfigCategory current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 2) {
                    throw new ConfigParseException(filename, lineNo, "[category]", line);
                }
                if (end != line.length() - 1) {
                    throw new ConfigParseException(filename, lineNo, "[category] without template options", line);
                }
                current = file.addCategory(line.substring(1, end).trim());
                continue;
            }
            if (line.startsWith("#")) {
                throw new ConfigParseException(filename, lineNo, "key=value (no #include/#exec)", line);
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new ConfigParseException(filename, lineNo, "key=value", line);
            }
            if (current == null) {
                throw new ConfigParseException(filename, lineNo, "a [category] before the first key=value", line);
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1);
            if (value.startsWith(">")) {
                value = value.substring(1);
            }
            current.append(key, value.trim());
        }
        return file;
    }

    private static String stripComment(String line) {
        int semi = line.indexOf(';');
        while (semi > 0 && line.charAt(semi - 1) == '\\') {
            semi = line.indexOf(';', semi + 1);
        }
        return semi < 0 ? line : line.substring(0, semi);
    }
}
