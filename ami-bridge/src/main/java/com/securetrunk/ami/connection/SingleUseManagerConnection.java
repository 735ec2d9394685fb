package com.securetrunk.ami.connection;

import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * An asterisk-java connection that does not reconnect by itself. On a drop, asterisk-java's own
 * {@code ManagerConnectionImpl} starts a reconnect thread (10 tries 50 ms apart, then every 5 s, no exponential
 * back-off); the bridge wants its own policy and a fresh connection per attempt, so this class closes the socket,
 * marks itself {@code DISCONNECTED} and tells the bridge instead.
 */
final class SingleUseManagerConnection extends ManagerConnectionImpl {

    private final Runnable onDrop;

    SingleUseManagerConnection(String host, int port, String username, String password, long timeoutMillis,
                               Runnable onDrop) {
        this.onDrop = onDrop;
        setHostname(host);
        setPort(port);
        setUsername(username);
        setPassword(password);
        setDefaultResponseTimeout(timeoutMillis);
        setDefaultEventTimeout(timeoutMillis);
        setSocketTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        setKeepAliveAfterAuthenticationFailure(false);
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration; its variable is not needed inside
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (event instanceof DisconnectEvent) {
            boolean wasUp;
            try (var lock = withLock()) {
                wasUp = state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING;
                if (wasUp) {
                    state = ManagerConnectionState.DISCONNECTED;
                    disconnect();
                }
            }
            if (wasUp) {
                onDrop.run();
            }
            return; // never to super: it would start asterisk-java's own reconnect thread
        }
        super.dispatchEvent(event, requiredHandlingTime);
    }

    @Override
    public String toString() {
        return "SingleUseManagerConnection[" + getHostname() + ":" + getPort() + ", user " + getUsername() + "]";
    }
}
