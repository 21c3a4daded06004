package io.github.iscworkflows.references;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.support.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enables (or disables) workflows with a JSON Patch on {@code /enabled}, then reads each enabled
 * workflow back and reports which credential objects still lack a {@code refID}.
 *
 * <p>A workflow already in the requested state is not written. A rejection (4xx) of one workflow is
 * recorded and the others still run; a transport failure or 5xx ends the run with the exception.
 */
public final class WorkflowEnabler {

    /**
     * How to treat the selected workflows.
     *
     * @param enableAll enable every selected workflow, whatever its source file sets
     * @param disable disable the selected workflows instead
     * @param refreshReferences after enabling, try the API-only ways to obtain missing refIDs
     * @param dryRun report what would change and write nothing
     */
    public record Options(boolean enableAll, boolean disable, boolean refreshReferences, boolean dryRun) {}

    private final IscApi api;
    private final BuildLog log;

    public WorkflowEnabler(IscApi api, BuildLog log) {
        this.api = api;
        this.log = log;
    }

    /** Builds the RFC 6902 operation list that sets {@code /enabled}. */
    public static JsonArray enabledPatch(boolean enabled) {
        JsonObject operation = new JsonObject();
        operation.addProperty("op", "replace");
        operation.addProperty("path", "/enabled");
        operation.add("value", new JsonPrimitive(enabled));
        JsonArray operations = new JsonArray();
        operations.add(operation);
        return operations;
    }

    /** Applies the options to every workflow, in order, and returns one outcome each. */
    public List<EnableOutcome> run(List<SelectedWorkflow> workflows, Options options) throws IscException {
        List<EnableOutcome> outcomes = new ArrayList<>();
        for (SelectedWorkflow workflow : workflows) {
            EnableOutcome outcome = apply(workflow, options);
            outcomes.add(outcome);
            if (!outcome.action().isFailure()) {
                // Failures are not logged here: the caller reports them once, in the goal's failure.
                log.info(outcome.message());
            }
            outcome.refreshNotes().forEach(log::info);
        }
        return outcomes;
    }

    private EnableOutcome apply(SelectedWorkflow workflow, Options options) throws IscException {
        Optional<JsonObject> current = api.getWorkflow(workflow.id());
        if (current.isEmpty()) {
            return outcome(
                    workflow,
                    EnableOutcome.Action.NOT_FOUND,
                    "Workflow " + workflow.label() + " is not on the tenant. Run isc:deploy first.");
        }
        boolean enabled = isEnabled(current.get());
        if (options.disable()) {
            return disable(workflow, enabled, options.dryRun());
        }
        if (!shouldEnable(workflow, options)) {
            return outcome(
                    workflow,
                    EnableOutcome.Action.LEFT_AS_IS,
                    "Left " + workflow.label() + " " + (enabled ? "enabled" : "disabled")
                            + ": its source file does not set \"enabled\": true (set <enableAll>true</enableAll> or"
                            + " -Disc.enableAll=true to enable it anyway).");
        }
        if (enabled) {
            return readBack(workflow, EnableOutcome.Action.ALREADY_ENABLED, current.get(), options);
        }
        if (options.dryRun()) {
            return outcome(
                    workflow,
                    EnableOutcome.Action.WOULD_ENABLE,
                    "Would enable " + workflow.label() + " (dry run, nothing written).");
        }
        try {
            api.patchWorkflow(workflow.id(), enabledPatch(true));
        } catch (IscException e) {
            return rejected(workflow, "enabling", e);
        }
        JsonObject readBack = api.getWorkflow(workflow.id()).orElse(current.get());
        return readBack(workflow, EnableOutcome.Action.ENABLED, readBack, options);
    }

    private EnableOutcome disable(SelectedWorkflow workflow, boolean enabled, boolean dryRun) throws IscException {
        if (!enabled) {
            return outcome(workflow, EnableOutcome.Action.ALREADY_DISABLED, "Already disabled: " + workflow.label());
        }
        if (dryRun) {
            return outcome(
                    workflow,
                    EnableOutcome.Action.WOULD_DISABLE,
                    "Would disable " + workflow.label() + " (dry run, nothing written).");
        }
        try {
            api.patchWorkflow(workflow.id(), enabledPatch(false));
        } catch (IscException e) {
            return rejected(workflow, "disabling", e);
        }
        return outcome(workflow, EnableOutcome.Action.DISABLED, "Disabled " + workflow.label());
    }

    private static boolean shouldEnable(SelectedWorkflow workflow, Options options) {
        if (options.enableAll()) {
            return true;
        }
        if (workflow.enabledInSource() == null) {
            // Named explicitly with <workflows>: the user asked for exactly these.
            return workflow.file() == null;
        }
        return workflow.enabledInSource();
    }

    private EnableOutcome readBack(
            SelectedWorkflow workflow, EnableOutcome.Action action, JsonObject remote, Options options)
            throws IscException {
        List<CredentialCheck> credentials = ReferenceChecker.presence(remote);
        List<String> notes = List.of();
        if (options.refreshReferences() && needsRefresh(workflow, credentials, options.dryRun())) {
            notes = new ReferenceRefresher(api).refresh(workflow, options.dryRun());
            credentials =
                    ReferenceChecker.presence(api.getWorkflow(workflow.id()).orElse(remote));
        }
        long missing = credentials.stream().filter(c -> c.refId() == null).count();
        String verb = action == EnableOutcome.Action.ENABLED ? "Enabled " : "Already enabled: ";
        String refs = credentials.isEmpty()
                ? ""
                : missing == 0
                        ? "; every credential object has a refID (check-references confirms the reference records)"
                        : "; " + missing + " of " + Counts.of(credentials.size(), "credential object")
                                + " without refID";
        return new EnableOutcome(workflow, action, verb + workflow.label() + refs, credentials, notes);
    }

    /**
     * Whether a credential object lacks a usable reference: no {@code refID}, or, checked through
     * Parameter Storage, a {@code refID} with no record of this workflow behind it.
     */
    private boolean needsRefresh(SelectedWorkflow workflow, List<CredentialCheck> credentials, boolean dryRun)
            throws IscException {
        if (credentials.stream().anyMatch(c -> c.refId() == null)) {
            return true;
        }
        if (credentials.isEmpty() || dryRun) {
            return false;
        }
        ReferenceReport report = new ReferenceChecker(api, BuildLog.silent(), true).check(List.of(workflow));
        return report.findings().stream()
                .anyMatch(f -> f.kind() == FindingKind.REFERENCE_NOT_FOUND
                        || f.kind() == FindingKind.REFERENCE_OF_OTHER_WORKFLOW);
    }

    private static EnableOutcome rejected(SelectedWorkflow workflow, String what, IscException e) throws IscException {
        if (!e.isClientError()) {
            throw e;
        }
        return outcome(workflow, EnableOutcome.Action.REJECTED, rejectionMessage(workflow, what, e));
    }

    /** Formats ISC's reason for rejecting a change, with the workflow and the trackingId. */
    static String rejectionMessage(SelectedWorkflow workflow, String what, IscException e) {
        String reason = e.texts().isEmpty() ? e.getMessage() : String.join(" ", e.texts());
        if (!reason.endsWith(".")) {
            reason = reason + ".";
        }
        return "ISC rejected " + what + " workflow " + workflow.label() + " (HTTP " + e.status() + "): " + reason
                + (e.trackingId() == null ? "" : " trackingId: " + e.trackingId() + ".")
                + " Fix the workflow, deploy it again and rerun isc:enable; isc:validate finds some causes offline,"
                + " such as a key ending in .$ that holds no JSONPath.";
    }

    private static EnableOutcome outcome(SelectedWorkflow workflow, EnableOutcome.Action action, String message) {
        return new EnableOutcome(workflow, action, message, List.of(), List.of());
    }

    static boolean isEnabled(JsonObject workflow) {
        JsonElement enabled = workflow.get("enabled");
        return enabled != null
                && enabled.isJsonPrimitive()
                && enabled.getAsJsonPrimitive().isBoolean()
                && enabled.getAsBoolean();
    }
}
