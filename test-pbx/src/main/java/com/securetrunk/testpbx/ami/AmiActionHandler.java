package com.securetrunk.testpbx.ami;

import java.io.IOException;

/** Handles one AMI action for an authenticated session; writes its response(s) through the session. */
@FunctionalInterface
public interface AmiActionHandler {
    void handle(AmiSession session, AmiMessage request) throws IOException;
}
