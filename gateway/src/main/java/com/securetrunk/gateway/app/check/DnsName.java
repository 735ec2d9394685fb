package com.securetrunk.gateway.app.check;

/** Tells IP literals from DNS names (a name is never all digits and dots, and never contains ':'). */
final class DnsName {
    private DnsName() {
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
