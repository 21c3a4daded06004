package io.github.iscworkflows.references;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tries the API-only ways a user could try to make ISC create missing reference records, and reports
 * honestly whether any of them worked.
 *
 * <p>The attempts, in order, stopping at the first that leaves no credential object without a
 * usable {@code refID}: disable and enable again; a full PUT of the current definition between a
 * disable and an enable. Each result is confirmed with the reference gate, because a {@code refID}
 * without a reference record behind it fails at run time just like a missing one. On real tenants
 * neither attempt is known to create a reference; the UI toggle is.
 */
final class ReferenceRefresher {

    private final IscApi api;

    ReferenceRefresher(IscApi api) {
        this.api = api;
    }

    /** Runs the attempts on an enabled workflow and returns one line per attempt plus a conclusion. */
    List<String> refresh(SelectedWorkflow workflow, boolean dryRun) throws IscException {
        List<String> notes = new ArrayList<>();
        if (dryRun) {
            notes.add("Would try refreshReferences on " + workflow.label() + ": disable and enable again, then a"
                    + " full PUT of the current definition (dry run, nothing written).");
            return notes;
        }
        String attempt = "disable and enable again";
        try {
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(false));
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(true));
        } catch (IscException e) {
            notes.add(rejected(workflow, attempt, e));
            return notes;
        }
        if (record(workflow, attempt, notes)) {
            return notes;
        }
        attempt = "full PUT of the current definition";
        try {
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(false));
            Optional<JsonObject> current = api.getWorkflow(workflow.id());
            if (current.isEmpty()) {
                notes.add("refreshReferences, " + attempt + ": the workflow vanished from the tenant.");
                return notes;
            }
            JsonObject body = WorkflowJson.withoutReadOnlyFields(current.get());
            body.addProperty("enabled", false);
            api.updateWorkflow(workflow.id(), body);
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(true));
        } catch (IscException e) {
            notes.add(rejected(workflow, attempt, e));
            return notes;
        }
        if (!record(workflow, attempt, notes)) {
            notes.add("refreshReferences: no API-only way gave " + workflow.label() + " a usable reference. Fix: "
                    + Remedies.TOGGLE_IN_UI);
        }
        return notes;
    }

    /** Checks the workflow after an attempt, adds a note, and returns whether every reference is usable. */
    private boolean record(SelectedWorkflow workflow, String attempt, List<String> notes) throws IscException {
        ReferenceReport report = new ReferenceChecker(api, BuildLog.silent(), true).check(List.of(workflow));
        long missing = count(report, FindingKind.MISSING_REF_ID);
        long unbacked =
                count(report, FindingKind.REFERENCE_NOT_FOUND) + count(report, FindingKind.REFERENCE_OF_OTHER_WORKFLOW);
        boolean unverifiable =
                report.generalFindings().stream().anyMatch(f -> f.kind() == FindingKind.VERIFICATION_UNAVAILABLE);
        String prefix = "refreshReferences, " + attempt + ": ";
        String note;
        boolean usable = false;
        if (missing > 0) {
            note = prefix + "no refID appeared (" + missing + " credential object(s) still without).";
        } else if (unbacked > 0) {
            note = prefix + "refIDs are present, but " + unbacked + " credential object(s) carry a refID with no"
                    + " reference record of this workflow behind it, so ISC would still fail the step.";
        } else if (unverifiable) {
            note = prefix + "refIDs are present; whether reference records back them could not be read (HTTP"
                    + " 403 from Parameter Storage).";
        } else {
            note = prefix + "every credential object now has a refID backed by a reference record.";
            usable = true;
        }
        notes.add(note);
        return usable;
    }

    private static long count(ReferenceReport report, FindingKind kind) {
        return report.findings().stream().filter(f -> f.kind() == kind).count();
    }

    private String rejected(SelectedWorkflow workflow, String attempt, IscException e) throws IscException {
        if (!e.isClientError()) {
            throw e;
        }
        boolean enabled =
                api.getWorkflow(workflow.id()).map(WorkflowEnabler::isEnabled).orElse(false);
        return "refreshReferences, " + attempt + ": "
                + WorkflowEnabler.rejectionMessage(workflow, "a change to", e)
                + (enabled ? "" : " The workflow is now disabled; run isc:enable again.");
    }
}
