package com.securetrunk.ami.provision;

import com.securetrunk.ami.ChannelDriver;

import java.util.ArrayList;
import java.util.List;

/**
 * What provisioning will do to one config file: the diff, the AMI actions carrying it, and the file afterwards.
 *
 * @param names   the categories the trunk owns
 * @param driver  whose file and module
 * @param before  the file as read
 * @param changes the diff (empty when the trunk is up to date)
 * @param steps   {@code UpdateConfig} batches, then one {@code Reload} of the driver's module; empty when no change
 * @param after   the file once the steps succeeded
 */
public record ProvisionPlan(ManagedNames names, ChannelDriver driver, ConfigFile before, List<ConfigChange> changes,
                            List<ProvisionStep> steps, ConfigFile after) {

    /**
     * Commands per {@code UpdateConfig}: each takes up to 5 headers and Asterisk reads at most 128 header lines per
     * action (and lines of at most 1024 bytes), so 20 leaves room for the fixed headers.
     */
    public static final int CHANGES_PER_ACTION = 20;

    public ProvisionPlan {
        changes = List.copyOf(changes);
        steps = List.copyOf(steps);
    }

    /** The plan that makes {@code current} hold the trunk {@code spec}. */
    public static ProvisionPlan of(ConfigFile current, TrunkSpec spec) {
        return toward(current, TrunkSections.of(spec), spec.names(), spec.driver(), true);
    }

    /**
     * The plan that makes the owned categories of {@code current} what {@code wanted} lists (used for rollback,
     * with the snapshot taken before provisioning).
     */
    public static ProvisionPlan toward(ConfigFile current, List<ConfigSection> wanted, ManagedNames names,
                                       ChannelDriver driver, boolean reload) {
        List<ConfigChange> changes = ProvisionPlanner.diff(current, wanted, names);
        List<ProvisionStep> steps = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += CHANGES_PER_ACTION) {
            List<ConfigChange> batch = changes.subList(from, Math.min(changes.size(), from + CHANGES_PER_ACTION));
            steps.add(new ProvisionStep(steps.size() + 1, AmiRequest.updateConfig(current.filename(), batch), batch));
        }
        if (!changes.isEmpty() && reload) {
            steps.add(new ProvisionStep(steps.size() + 1, AmiRequest.reload(driver.module()), List.of()));
        }
        return new ProvisionPlan(names, driver, current, changes, steps, ConfigEdits.apply(current, changes));
    }

    public boolean upToDate() {
        return changes.isEmpty();
    }
}
