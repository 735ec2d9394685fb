package com.securetrunk.ami.provision;

import java.util.regex.Pattern;

/**
 * How provisioning recognises the categories it owns: by name. The trunk's categories are called
 * {@code <trunk>} and {@code <trunk>-<suffix>} (default trunk name {@code securetrunk}). A comment marker would not
 * survive: Asterisk rewrites the whole file on {@code UpdateConfig} and drops comments, and res_pjsip refuses
 * unknown options, so a marker key is not possible either. Everything else in the file is never read for changes
 * and never written.
 *
 * @param trunk the trunk name (the pjsip endpoint / chan_sip peer name that dial strings use)
 */
public record ManagedNames(String trunk) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public ManagedNames {
        if (trunk == null || !NAME.matcher(trunk).matches()) {
            throw new IllegalArgumentException("trunk name: expected letters, digits, '_', '.' or '-' "
                    + "(1 to 63, starting with a letter or digit), found '" + trunk + "'");
        }
    }

    /** Case-insensitive, as Asterisk matches category names. */
    public boolean owns(String category) {
        return category.equalsIgnoreCase(trunk)
                || category.regionMatches(true, 0, trunk + "-", 0, trunk.length() + 1);
    }

    /** {@code <trunk>-<suffix>}. */
    public String child(String suffix) {
        return trunk + "-" + suffix;
    }
}
