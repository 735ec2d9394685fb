package com.securetrunk.testpbx.cli;

import com.securetrunk.testpbx.sip.CallListener;
import com.securetrunk.testpbx.sip.CallState;
import java.io.PrintStream;

/** Prints a call's state changes and, when it ends, its audio report. */
final class CallPrinter {
    private CallPrinter() {
    }

    static CallListener forCall(PrintStream out, String prefix) {
        return (call, state) -> {
            if (state == CallState.ENDED) {
                out.println(prefix + ": call " + call.remoteUri() + " ended: " + call.endReason().orElseThrow());
                var report = call.audioReport();
                if (report.codec() != null) {
                    out.println(prefix + ": audio " + report.summary());
                    var problems = report.problems(1);
                    out.println(prefix + ": audio check " + (problems.isEmpty() ? "PASSED" : "FAILED: " + problems));
                }
            } else {
                out.println(prefix + ": call " + call.remoteUri() + " " + state.name().toLowerCase(java.util.Locale.ROOT));
            }
            out.flush();
        };
    }
}
