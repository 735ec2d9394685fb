package com.securetrunk.ami.connection;

import com.securetrunk.ami.provision.AmiRequest;
import com.securetrunk.ami.provision.ConfigFile;

import java.util.List;

/**
 * The AMI actions discovery and provisioning need, on one logged-in connection. Implemented over asterisk-java by
 * {@link ManagerConnectionClient}. Calls block; never call them on asterisk-java's event thread (its responses
 * arrive on that thread, so the call would wait for itself).
 */
public interface AmiClient {

    /** {@code CoreSettings}: [AsteriskVersion, AMIversion]. */
    List<String> coreSettings() throws AmiException;

    /** {@code Command}: the CLI output lines (both AMI framings). */
    List<String> command(String cli) throws AmiException;

    /** {@code GetConfig} of a whole file. */
    ConfigFile getConfig(String filename) throws AmiException;

    /** Sends a prepared action; returns normally only on {@code Response: Success}. */
    void send(AmiRequest request) throws AmiException;
}
