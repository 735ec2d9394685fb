package com.securetrunk.gateway.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in free text: SDES inline keys ({@code inline:<base64>}, RFC 4568 section 6.1), and the values of
 * password/secret/passphrase settings in the forms they take in configs, environment variables, AMI frames
 * ({@code Secret: x}) and URLs ({@code password=x}).
 */
public final class Redactor {

    /** What a masked value becomes. */
    public static final String MASK = "<redacted>";

    // inline:<key||salt base64> — the lifetime and MKI after '|' are not secret and stay readable.
    private static final Pattern INLINE_KEY = Pattern.compile("(?i)(inline:)[A-Za-z0-9+/=]+");
    // password = x, "password": "x", Secret: x, SECURETRUNK_AMI_SECRET=x, key-password=x, passphrase x ...
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?<![A-Za-z0-9])(?:password|passwd|passphrase|secret|key-password|keypassword)\"?\\s*[:=]\\s*\"?)"
                    + "(?!<redacted>|<empty>)([^\\s\",;}&]+)");

    private Redactor() {
    }

    /** {@code text} with every secret replaced by {@value #MASK}; the same string when there is none. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replace(INLINE_KEY.matcher(text));
        return replace(NAMED_SECRET.matcher(s));
    }

    private static String replace(Matcher m) {
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }
}
