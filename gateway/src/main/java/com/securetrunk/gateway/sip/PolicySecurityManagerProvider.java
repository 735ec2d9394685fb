package com.securetrunk.gateway.sip;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER}: the key and trust managers its NIO TLS processors
 * put into their own {@code SSLContext}. We run OIO ({@link PolicyNetworkLayer} owns every TLS socket), so this is
 * the fallback that keeps our identity and {@code PolicyTrustManager} in place should the stack ever be switched to
 * NIO; it also replaces the default provider, which reads {@code javax.net.ssl.*} stack properties and logs that TLS
 * "will use JVM defaults". Under NIO the stack gives no peer name, so the client side uses the side's default
 * outbound policy and names are matched against the IP unless that policy names a host.
 */
public final class PolicySecurityManagerProvider implements SecurityManagerProvider {
    private volatile TlsSide side;

    @Override
    public void init(Properties properties) {
        NetworkLayerRegistry.Setup setup = NetworkLayerRegistry.lookup(properties.getProperty(NetworkLayerRegistry.PROPERTY));
        this.side = setup == null ? null : setup.tls();
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        TlsSide s = side;
        return s == null ? new KeyManager[0] : s.contexts().keyManagers(s.serverPolicy());
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        TlsSide s = side;
        if (s == null) {
            return new TrustManager[0];
        }
        return s.contexts().trustManagers(client ? s.outbound().fallback() : s.serverPolicy());
    }
}
