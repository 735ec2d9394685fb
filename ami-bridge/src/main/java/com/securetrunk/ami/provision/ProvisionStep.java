package com.securetrunk.ami.provision;

import java.util.List;

/**
 * One AMI action of a plan, and the config commands it carries (empty for a reload).
 *
 * @param number  1-based position in the plan
 * @param request the action as sent
 * @param changes the {@code UpdateConfig} commands in it
 */
public record ProvisionStep(int number, AmiRequest request, List<ConfigChange> changes) {

    public ProvisionStep {
        changes = List.copyOf(changes);
    }

    /** e.g. {@code step 2 (UpdateConfig pjsip.conf, 5 changes)}. */
    public String describe() {
        if (request.action().equals("UpdateConfig")) {
            return "step " + number + " (UpdateConfig " + request.headers().get(0).value() + ", "
                    + changes.size() + (changes.size() == 1 ? " change)" : " changes)");
        }
        return "step " + number + " (" + request.action() + " " + request.headers().get(0).value() + ")";
    }
}
