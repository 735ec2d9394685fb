package com.securetrunk.ami.provision;

import java.util.List;
import java.util.Optional;

/**
 * What a provisioning run did.
 *
 * @param outcome        how it ended
 * @param plan           the plan (empty when the config could not even be read)
 * @param failedStep     the step Asterisk refused (or that timed out)
 * @param asteriskAnswer what Asterisk answered to it, or the transport error
 * @param rollback       the steps of the rollback that ran (empty when none was needed)
 * @param message        one paragraph for the admin
 */
public record ProvisionResult(Outcome outcome, Optional<ProvisionPlan> plan, Optional<ProvisionStep> failedStep,
                              Optional<String> asteriskAnswer, List<ProvisionStep> rollback, String message) {

    public ProvisionResult {
        rollback = List.copyOf(rollback);
    }

    /** How a run ended. */
    public enum Outcome {
        /** Nothing to change. */
        UP_TO_DATE,
        /** Dry run: nothing sent. */
        DRY_RUN,
        /** Every step succeeded. */
        APPLIED,
        /** Reading the current config failed; nothing was changed. */
        NOT_READ,
        /** A step failed; everything changed before it was restored. */
        FAILED_ROLLED_BACK,
        /** A step failed and so did the rollback: the managed categories may be half-changed. */
        FAILED_ROLLBACK_FAILED
    }

    public boolean ok() {
        return outcome == Outcome.UP_TO_DATE || outcome == Outcome.DRY_RUN || outcome == Outcome.APPLIED;
    }
}
