package com.securetrunk.ami.provision;

import com.securetrunk.ami.connection.AmiClient;
import com.securetrunk.ami.connection.AmiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a provisioning plan over AMI and rolls back on failure.
 *
 * <p>Asterisk saves an {@code UpdateConfig} only when every command in it succeeded (main/manager.c
 * {@code action_updateconfig}), so a refused action leaves its file as it was and only the earlier actions need
 * undoing. Rollback re-reads the file and applies the diff back to the snapshot of the owned categories taken before
 * the first step; if the failing step was the reload, the restored file is reloaded too.
 */
public final class Provisioner {

    private final AmiClient client;

    public Provisioner(AmiClient client) {
        this.client = client;
    }

    public ProvisionResult run(TrunkSpec spec, boolean dryRun) {
        String file = spec.driver().configFile();
        ConfigFile before;
        try {
            before = client.getConfig(file);
        } catch (AmiException e) {
            return new ProvisionResult(ProvisionResult.Outcome.NOT_READ, Optional.empty(), Optional.empty(),
                    Optional.of(e.getMessage()), List.of(), "Could not read " + file + " from Asterisk: "
                    + e.getMessage() + ". Nothing was changed.");
        }
        ProvisionPlan plan = ProvisionPlan.of(before, spec);
        if (dryRun) {
            return new ProvisionResult(ProvisionResult.Outcome.DRY_RUN, Optional.of(plan), Optional.empty(),
                    Optional.empty(), List.of(), "Dry run: " + plan.changes().size() + " changes in "
                    + plan.steps().size() + " AMI actions would be sent; nothing was sent.");
        }
        if (plan.upToDate()) {
            return new ProvisionResult(ProvisionResult.Outcome.UP_TO_DATE, Optional.of(plan), Optional.empty(),
                    Optional.empty(), List.of(), "The trunk '" + spec.names().trunk() + "' in " + file
                    + " is up to date; nothing was sent.");
        }
        for (ProvisionStep step : plan.steps()) {
            try {
                client.send(step.request());
            } catch (AmiException e) {
                return rollBack(plan, step, e);
            }
        }
        return new ProvisionResult(ProvisionResult.Outcome.APPLIED, Optional.of(plan), Optional.empty(),
                Optional.empty(), List.of(), "Provisioned the trunk '" + spec.names().trunk() + "' in " + file
                + ": " + plan.changes().size() + " changes in " + plan.steps().size() + " AMI actions.");
    }

    private ProvisionResult rollBack(ProvisionPlan plan, ProvisionStep failed, AmiException cause) {
        String file = plan.before().filename();
        String answer = cause.asteriskMessage().orElse(cause.getMessage());
        String head = "Provisioning " + file + " failed at " + failed.describe() + " of " + plan.steps().size()
                + ": " + cause.getMessage() + ".";
        boolean reloadFailed = failed.changes().isEmpty();
        if (failed.number() == 1) {
            return new ProvisionResult(ProvisionResult.Outcome.FAILED_ROLLED_BACK, Optional.of(plan),
                    Optional.of(failed), Optional.of(answer), List.of(),
                    head + " Asterisk saved nothing from that action, so there was nothing to roll back.");
        }
        List<ProvisionStep> done = new ArrayList<>();
        try {
            ConfigFile now = client.getConfig(file);
            ProvisionPlan back = ProvisionPlan.toward(now, plan.before().owned(plan.names()), plan.names(),
                    plan.driver(), reloadFailed);
            for (ProvisionStep step : back.steps()) {
                client.send(step.request());
                done.add(step);
            }
            return new ProvisionResult(ProvisionResult.Outcome.FAILED_ROLLED_BACK, Optional.of(plan),
                    Optional.of(failed), Optional.of(answer), done, head + " Rolled back: " + back.changes().size()
                    + " changes in " + back.steps().size() + " AMI actions restored the categories SecureTrunk "
                    + "manages in " + file + " to what they were before.");
        } catch (AmiException e) {
            return new ProvisionResult(ProvisionResult.Outcome.FAILED_ROLLBACK_FAILED, Optional.of(plan),
                    Optional.of(failed), Optional.of(answer), done, head + " Rolling back failed too: "
                    + e.getMessage() + ". The categories SecureTrunk manages in " + file + " may be half-changed; "
                    + "run 'securetrunk asterisk provision --dry-run' to see the difference.");
        }
    }
}
