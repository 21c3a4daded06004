package io.github.iscworkflows.references;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.JsonSyntaxProblem;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.PositionedJsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The release gate: reads each deployed workflow back and checks every credential object.
 *
 * <p>A credential object ({@code param_*} with {@code paramID}) passes when it has a {@code refID}
 * and, with verification on, its parameter exists on the tenant and the parameter's reference
 * records include that {@code refID} for this very workflow. A present {@code refID} alone proves
 * nothing: ISC may mint one with no record behind it, and a copied one belongs to another workflow.
 */
public final class ReferenceChecker {

    private final IscApi api;
    private final BuildLog log;
    private final boolean verifyReferences;

    /**
     * @param verifyReferences whether to check parameters and reference records through Parameter
     *     Storage; when false only the presence of {@code refID} is checked
     */
    public ReferenceChecker(IscApi api, BuildLog log, boolean verifyReferences) {
        this.api = api;
        this.log = log;
        this.verifyReferences = verifyReferences;
    }

    /** Checks every workflow and returns all findings; throws only when the tenant cannot be read. */
    public ReferenceReport check(List<SelectedWorkflow> workflows) throws IscException {
        int requestsBefore = api.requestCount();
        ParameterLookup lookup = new ParameterLookup(api);
        List<Finding> general = new ArrayList<>();
        boolean verify = verifyReferences;
        if (!verify) {
            general.add(Finding.general(
                    FindingKind.VERIFICATION_OFF,
                    "refIDs were not checked against Parameter Storage (verifyReferences is false), so a copied or"
                            + " stale refID would pass.",
                    "run with -Disc.verifyReferences=true and a token that has the scope"
                            + " sp:parameter-storage:read."));
        }
        List<WorkflowCheck> results = new ArrayList<>();
        for (SelectedWorkflow workflow : workflows) {
            Optional<JsonObject> remote = api.getWorkflow(workflow.id());
            if (remote.isEmpty()) {
                results.add(new WorkflowCheck(
                        workflow,
                        List.of(),
                        List.of(Finding.general(
                                FindingKind.WORKFLOW_NOT_FOUND,
                                "the workflow is not on the tenant any more.",
                                "run isc:deploy again, or remove it from <workflows> (-Disc.workflows)."))));
                continue;
            }
            List<CredentialCheck> credentials = new ArrayList<>();
            for (CredentialReference credential : CredentialReference.findAll(remote.get())) {
                List<Finding> findings = new ArrayList<>();
                if (verify) {
                    try {
                        checkCredential(workflow, credential, lookup, true, findings);
                    } catch (IscException e) {
                        if (e.status() != 403) {
                            throw e;
                        }
                        verify = false;
                        general.add(scopeMissing(e));
                        findings.clear();
                        checkCredential(workflow, credential, lookup, false, findings);
                    }
                } else {
                    checkCredential(workflow, credential, lookup, false, findings);
                }
                credentials.add(toCheck(credential, findings));
            }
            results.add(new WorkflowCheck(workflow, credentials, InlineCredentials.findAll(remote.get())));
            log.debug("Checked " + workflow.label() + ": " + credentials.size() + " credential object(s).");
        }
        return new ReferenceReport(results, general, verify, api.requestCount() - requestsBefore);
    }

    /**
     * Lists the credential objects of a workflow with the findings that need no tenant call: a missing
     * {@code paramID} or {@code refID}.
     */
    public static List<CredentialCheck> presence(JsonObject workflow) throws IscException {
        List<CredentialCheck> credentials = new ArrayList<>();
        for (CredentialReference credential : CredentialReference.findAll(workflow)) {
            List<Finding> findings = new ArrayList<>();
            checkCredential(null, credential, null, false, findings);
            credentials.add(toCheck(credential, findings));
        }
        return credentials;
    }

    private static CredentialCheck toCheck(CredentialReference credential, List<Finding> findings) {
        return new CredentialCheck(
                credential.stepPath(),
                credential.attribute(),
                credential.paramId(),
                credential.refId(),
                credential.pointer(),
                findings);
    }

    private static void checkCredential(
            SelectedWorkflow workflow,
            CredentialReference credential,
            ParameterLookup lookup,
            boolean verify,
            List<Finding> findings)
            throws IscException {
        String paramId = credential.paramId();
        String refId = credential.refId();
        if (paramId == null) {
            findings.add(finding(
                    FindingKind.MISSING_PARAM_ID,
                    credential,
                    "the credential object has no paramID, so it names no Parameter Storage parameter.",
                    Remedies.CHOOSE_CREDENTIAL));
            return;
        }
        if (refId == null) {
            findings.add(finding(
                    FindingKind.MISSING_REF_ID, credential, Remedies.missingRefId(paramId), Remedies.TOGGLE_IN_UI));
        }
        if (!verify) {
            return;
        }
        if (!lookup.exists(paramId)) {
            findings.add(finding(
                    FindingKind.UNKNOWN_PARAMETER,
                    credential,
                    "paramID " + paramId + " names no parameter on this tenant; the file probably comes from"
                            + " another tenant.",
                    Remedies.USE_PARAMETER_PLACEHOLDER));
            return;
        }
        if (refId == null) {
            return;
        }
        List<JsonObject> references = lookup.references(paramId).orElse(List.of());
        JsonObject record = references.stream()
                .filter(r -> refId.equals(string(r, "id")))
                .findFirst()
                .orElse(null);
        if (record == null) {
            findings.add(finding(
                    FindingKind.REFERENCE_NOT_FOUND,
                    credential,
                    "refID " + refId + " is not among the " + references.size() + " reference record(s) of"
                            + " parameter " + paramId + ", so it was copied from another workflow or tenant, or it"
                            + " is stale; ISC fails the step at run time.",
                    Remedies.TOGGLE_IN_UI));
            return;
        }
        String owner = workflowIdOf(record);
        JsonElement hint = record.get("usageHint");
        boolean hintPresent = hint != null
                && !hint.isJsonNull()
                && !(hint.isJsonPrimitive() && hint.getAsString().isBlank());
        if (owner == null && hintPresent) {
            findings.add(finding(
                    FindingKind.REFERENCE_OWNER_UNREADABLE,
                    credential,
                    "reference record " + refId + " exists, but its usageHint holds no readable workflowId, so"
                            + " the plugin cannot confirm that it belongs to this workflow.",
                    Remedies.TOGGLE_IN_UI));
        } else if (owner == null) {
            findings.add(finding(
                    FindingKind.REFERENCE_OWNER_UNKNOWN,
                    credential,
                    "reference record " + refId + " exists, but it has no usageHint, so the plugin"
                            + " cannot confirm that it belongs to this workflow.",
                    "if the step fails at run time, " + Remedies.TOGGLE_IN_UI));
        } else if (!owner.equals(workflow.id())) {
            findings.add(finding(
                    FindingKind.REFERENCE_OF_OTHER_WORKFLOW,
                    credential,
                    "refID " + refId + " is the reference record of workflow " + owner + ", not of this workflow,"
                            + " so it was copied; ISC fails the step at run time.",
                    Remedies.TOGGLE_IN_UI));
        }
    }

    private static Finding scopeMissing(IscException e) {
        String texts = e.texts().isEmpty() ? "" : " ISC said: " + String.join(" ", e.texts());
        return Finding.general(
                FindingKind.VERIFICATION_UNAVAILABLE,
                "Parameter Storage rejected the request for parameters or references (HTTP " + e.status()
                        + "): the API client probably lacks the scope sp:parameter-storage:read, so refIDs could not"
                        + " be checked against their reference records." + texts
                        + (e.trackingId() == null ? "" : " trackingId: " + e.trackingId() + "."),
                Remedies.GRANT_SCOPE);
    }

    private static Finding finding(FindingKind kind, CredentialReference credential, String message, String fix) {
        return new Finding(
                kind,
                credential.stepPath(),
                credential.attribute(),
                credential.paramId(),
                credential.refId(),
                message,
                fix);
    }

    /**
     * Returns the {@code workflowId} string inside a reference record's {@code usageHint} JSON text, or null
     * when the hint is missing, is not a JSON object, or holds no string {@code workflowId}.
     */
    static String workflowIdOf(JsonObject record) {
        JsonElement hintElement = record.get("usageHint");
        if (hintElement == null
                || !hintElement.isJsonPrimitive()
                || !hintElement.getAsJsonPrimitive().isString()) {
            return null;
        }
        String hint = hintElement.getAsString();
        if (hint.isBlank()) {
            return null;
        }
        try {
            // Strict parsing: Gson's lenient reader accepts single quotes and keeps the last of two
            // workflowId keys, which would let a tampered hint pass.
            PositionedJson document = PositionedJsonParser.parse(hint);
            JsonElement parsed = document.root();
            if (!parsed.isJsonObject() || !document.duplicateKeys().isEmpty()) {
                return null;
            }
            JsonElement workflowId = parsed.getAsJsonObject().get("workflowId");
            return workflowId != null
                            && workflowId.isJsonPrimitive()
                            && workflowId.getAsJsonPrimitive().isString()
                    ? workflowId.getAsString()
                    : null;
        } catch (JsonSyntaxProblem e) {
            return null;
        }
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
