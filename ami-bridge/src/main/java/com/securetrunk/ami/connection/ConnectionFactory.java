package com.securetrunk.ami.connection;

import com.securetrunk.ami.AmiSettings;
import org.asteriskjava.manager.ManagerConnection;

/** Creates one asterisk-java connection per connect attempt; it never reconnects by itself. */
public final class ConnectionFactory {

    private ConnectionFactory() {
    }

    /**
     * @param onDrop called (on asterisk-java's reader thread) when a logged-in connection drops
     */
    public static ManagerConnection create(AmiSettings settings, Runnable onDrop) {
        return new SingleUseManagerConnection(settings.host(), settings.port(), settings.username(),
                settings.secret().reveal(), settings.actionTimeout().toMillis(), onDrop);
    }
}
