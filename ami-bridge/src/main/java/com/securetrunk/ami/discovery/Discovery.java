package com.securetrunk.ami.discovery;

import com.securetrunk.ami.PbxIdentity;
import com.securetrunk.ami.PbxWarning;

import java.util.List;

/**
 * The outcome of discovery: who the PBX is and what the administrator should know.
 *
 * @param identity what was found and the profile it maps to
 * @param warnings admin-readable warnings, most important first
 */
public record Discovery(PbxIdentity identity, List<PbxWarning> warnings) {

    public Discovery {
        warnings = List.copyOf(warnings);
    }
}
