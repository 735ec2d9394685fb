package com.securetrunk.ami.provision;

/**
 * The text {@code securetrunk asterisk provision --dry-run} prints: the exact AMI actions, then the managed
 * categories as the file will hold them. Secrets are redacted in both.
 */
public final class DryRunReport {

    private DryRunReport() {
    }

    public static String render(ProvisionPlan plan) {
        StringBuilder out = new StringBuilder();
        String file = plan.before().filename();
        out.append("; SecureTrunk provisioning plan for ").append(file).append(" (trunk '")
                .append(plan.names().trunk()).append("', driver ").append(plan.driver().cliName()).append(")\n");
        if (plan.upToDate()) {
            out.append("; The trunk is up to date: no AMI action would be sent.\n");
        } else {
            out.append("; ").append(plan.changes().size()).append(plan.changes().size() == 1 ? " change" : " changes")
                    .append(" in ").append(plan.steps().size()).append(" AMI actions:\n");
            for (ConfigChange c : plan.changes()) {
                out.append(";   ").append(c.describe()).append('\n');
            }
            out.append('\n');
            for (ProvisionStep step : plan.steps()) {
                out.append("; ").append(step.describe()).append('\n');
                out.append(step.request().render());
            }
        }
        out.append("; ").append(file).append(" categories managed by SecureTrunk");
        out.append(plan.upToDate() ? ":\n" : " after these actions (nothing else in the file changes):\n");
        var owned = plan.after().owned(plan.names());
        if (owned.isEmpty()) {
            out.append("; (none)\n");
        }
        for (ConfigSection s : owned) {
            out.append('\n');
            s.writeTo(out, true);
        }
        return out.toString();
    }
}
