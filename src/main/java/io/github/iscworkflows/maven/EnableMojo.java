package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.references.CredentialCheck;
import io.github.iscworkflows.references.EnableOutcome;
import io.github.iscworkflows.references.Remedies;
import io.github.iscworkflows.references.Selection;
import io.github.iscworkflows.references.WorkflowEnabler;
import io.github.iscworkflows.support.Counts;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Enables the deployed workflows whose source file sets {@code "enabled": true} (all of them with
 * {@code enableAll}), or disables them with {@code disable}, then reads each enabled workflow back
 * and reports every credential object that still has no {@code refID}, with the remedy.
 *
 * <p>A workflow already in the requested state is not written. Fails when ISC rejects a change (with
 * ISC's message and the trackingId) or a selected workflow is missing; a missing {@code refID} is a
 * warning here and a failure in {@code check-references}.
 */
@Mojo(name = EnableMojo.GOAL, defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class EnableMojo extends AbstractSelectingMojo {

    public static final String GOAL = "enable";

    /** Enables every selected workflow, also those whose source file sets {@code "enabled": false}. */
    @Parameter(property = "isc.enableAll", defaultValue = "false")
    protected boolean enableAll;

    /** Disables the selected workflows instead of enabling them. */
    @Parameter(property = "isc.disable", defaultValue = "false")
    protected boolean disable;

    /**
     * For workflows whose credential objects lack a {@code refID} after enabling, tries the API-only
     * ways to make ISC create the reference (disable and enable again; a full PUT of the current
     * definition) and reports whether any worked. On real tenants neither is known to work; see
     * docs/refid.md.
     */
    @Parameter(property = "isc.enable.refreshReferences", defaultValue = "false")
    protected boolean refreshReferences;

    /** Skips this goal only. */
    @Parameter(property = "isc.enable.skip", defaultValue = "false")
    protected boolean skipEnable;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipEnable;
    }

    @Override
    protected boolean writesToTenant() {
        return true;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (disable && (enableAll || refreshReferences)) {
            throw new MojoFailureException("<disable> (-Disc.disable) cannot be combined with <enableAll>"
                    + " (-Disc.enableAll) or <refreshReferences> (-Disc.enable.refreshReferences); set only one.");
        }
        List<EnableOutcome> outcomes;
        try (IscApi api = openClient()) {
            Selection selection = select(api);
            WorkflowEnabler.Options options =
                    new WorkflowEnabler.Options(enableAll, disable, refreshReferences, dryRun);
            outcomes = new WorkflowEnabler(api, buildLog()).run(selection.workflows(), options);
        } catch (IscException e) {
            rethrow(e, disable ? "Disabling workflows" : "Enabling workflows");
            return;
        }
        int withoutRefId = 0;
        for (EnableOutcome outcome : outcomes) {
            for (CredentialCheck credential : outcome.withoutRefId()) {
                withoutRefId++;
                getLog().warn("  " + outcome.workflow().label() + " step '" + credential.stepPath() + "', "
                        + credential.attribute() + " (paramID " + credential.paramId() + "): no refID. Fix: "
                        + Remedies.TOGGLE_IN_UI);
            }
        }
        List<String> failures = outcomes.stream()
                .filter(o -> o.action().isFailure())
                .map(EnableOutcome::message)
                .toList();
        long unchanged = count(outcomes, EnableOutcome.Action.ALREADY_ENABLED)
                + count(outcomes, EnableOutcome.Action.ALREADY_DISABLED);
        long wouldChange = count(outcomes, EnableOutcome.Action.WOULD_ENABLE)
                + count(outcomes, EnableOutcome.Action.WOULD_DISABLE);
        String dryRunPart = wouldChange > 0 ? wouldChange + " would change (dry run), " : "";
        getLog().info(GOAL + ": " + Counts.of(outcomes.size(), "workflow") + ": "
                + count(outcomes, EnableOutcome.Action.ENABLED) + " enabled, "
                + count(outcomes, EnableOutcome.Action.DISABLED) + " disabled, " + dryRunPart + unchanged
                + " unchanged, " + count(outcomes, EnableOutcome.Action.LEFT_AS_IS)
                + " left disabled as the source says, "
                + failures.size() + " failed; " + Counts.of(withoutRefId, "credential object") + " without refID.");
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join("\n", failures));
        }
    }

    private static long count(List<EnableOutcome> outcomes, EnableOutcome.Action action) {
        return outcomes.stream().filter(o -> o.action() == action).count();
    }
}
