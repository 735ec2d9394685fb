package com.securetrunk.ami.provision;

import com.securetrunk.ami.Secret;

/**
 * Digest credentials the PBX presents to SecureTrunk on the trunk, when the gateway requires them.
 *
 * @param username digest user name
 * @param password digest password (redacted in every printout)
 */
public record TrunkAuth(String username, Secret password) {

    public TrunkAuth {
        TrunkSpec.checkValue("auth username", username);
        TrunkSpec.checkValue("auth password", password.reveal());
    }
}
