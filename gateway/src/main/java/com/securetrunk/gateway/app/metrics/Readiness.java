package com.securetrunk.gateway.app.metrics;

import java.util.List;

/** Whether the gateway can take calls, and if not, why (one short reason per failed condition). */
@FunctionalInterface
public interface Readiness {
    /** Empty when ready. */
    List<String> notReadyReasons();
}
