package com.securetrunk.testpbx.asterisk;

/**
 * A caller ID: name and number. AMI shows an empty part as {@code <unknown>}.
 *
 * @param name   display name, may be empty
 * @param number number, may be empty
 */
public record CallerId(String name, String number) {

    public static final CallerId UNKNOWN = new CallerId("", "");

    public CallerId {
        name = name == null ? "" : name;
        number = number == null ? "" : number;
    }

    /** Parses the AMI/dialplan form {@code "Name" <number>}, {@code Name <number>} or a bare number. */
    public static CallerId parse(String text) {
        String s = text == null ? "" : text.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = s.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new CallerId(name, s.substring(lt + 1, gt).trim());
        }
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
            return new CallerId(s.substring(1, s.length() - 1), "");
        }
        return s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '*' || ch == '#')
                ? new CallerId("", s) : new CallerId(s, "");
    }

    public boolean isEmpty() {
        return name.isEmpty() && number.isEmpty();
    }

    public String amiNumber() {
        return number.isEmpty() ? "<unknown>" : number;
    }

    public String amiName() {
        return name.isEmpty() ? "<unknown>" : name;
    }
}
