package com.securetrunk.ami;

import com.securetrunk.ami.connection.AmiException;
import com.securetrunk.ami.connection.ConnectionFactory;
import com.securetrunk.ami.connection.ManagerConnectionClient;
import com.securetrunk.ami.discovery.Discovery;
import com.securetrunk.ami.discovery.DiscoveryProbe;
import com.securetrunk.ami.discovery.PbxClassifier;
import com.securetrunk.ami.provision.DryRunReport;
import com.securetrunk.ami.provision.ProvisionResult;
import com.securetrunk.ami.provision.ProvisionStep;
import com.securetrunk.ami.provision.Provisioner;
import com.securetrunk.ami.provision.TrunkSpec;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code securetrunk asterisk provision [--dry-run]}: log in once (no reconnect), discover, provision (or plan), log
 * off, and render the report the command prints. The gateway command only parses options.
 */
public final class OneShotProvisioning {

    /**
     * @param ok     true when the command should exit 0
     * @param report the text to print
     */
    public record Outcome(boolean ok, String report) {
    }

    private OneShotProvisioning() {
    }

    /**
     * @param settings AMI connection; its configured driver (if any) picks the driver, else discovery does
     * @param trunk    the trunk; its driver is replaced by the chosen one
     */
    public static Outcome run(AmiSettings settings, TrunkSpec trunk, boolean dryRun) {
        ManagerConnection c = ConnectionFactory.create(settings, () -> { });
        try {
            c.login("off");
        } catch (AuthenticationFailedException e) {
            return new Outcome(false, "; ERROR: Asterisk refused the AMI login of manager user '"
                    + settings.username() + "' at " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "). Check its secret, permit/deny and classes in manager.conf.\n");
        } catch (IOException | TimeoutException | RuntimeException e) {
            return new Outcome(false, "; ERROR: cannot reach Asterisk AMI at " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage() + "\n");
        }
        try {
            ManagerConnectionClient client = new ManagerConnectionClient(c, settings.actionTimeout().toMillis());
            Discovery d;
            try {
                d = PbxClassifier.classify(DiscoveryProbe.read(client), settings.configuredDriver(),
                        settings.configuredProfile());
            } catch (AmiException e) {
                return new Outcome(false, "; ERROR: discovery failed: " + e.getMessage() + "\n");
            }
            StringBuilder out = new StringBuilder();
            out.append("; PBX: ").append(d.identity().summary()).append('\n');
            for (PbxWarning w : d.warnings()) {
                out.append("; WARNING: ").append(w.message()).append('\n');
            }
            Optional<ChannelDriver> driver = d.identity().driver();
            if (driver.isEmpty()) {
                out.append("; ERROR: no SIP channel driver to provision a trunk for.\n");
                return new Outcome(false, out.toString());
            }
            ProvisionResult r = new Provisioner(client).run(trunk.withDriver(driver.get()), dryRun);
            out.append(render(r));
            return new Outcome(r.ok(), out.toString());
        } finally {
            try {
                c.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    /** The result as the command prints it: the plan for a dry run, what happened otherwise. */
    public static String render(ProvisionResult r) {
        StringBuilder out = new StringBuilder();
        switch (r.outcome()) {
            case DRY_RUN -> out.append(DryRunReport.render(r.plan().orElseThrow()));
            case UP_TO_DATE, APPLIED -> {
                out.append("; ").append(r.message()).append('\n');
                r.plan().orElseThrow().changes().forEach(c -> out.append(";   ").append(c.describe()).append('\n'));
            }
            default -> {
                out.append("; ERROR: ").append(r.message()).append('\n');
                r.asteriskAnswer().ifPresent(a -> out.append("; Asterisk answered: ").append(a).append('\n'));
                for (ProvisionStep s : r.rollback()) {
                    out.append("; rolled back with ").append(s.describe()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
