package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCheckerTest {

    private static final String PARAM = "58de858b-83d9-4563-9e15-7393594c684a";
    private static final String REF = "4018c3ec-2714-42b5-92e8-232b17333b52";

    private final FakeIscApi api = new FakeIscApi();

    private ReferenceReport check(boolean verify, SelectedWorkflow... workflows) throws IscException {
        return new ReferenceChecker(api, BuildLog.silent(), verify).check(List.of(workflows));
    }

    private static SelectedWorkflow selected(String id, String name) {
        return new SelectedWorkflow(name, id, name + ".json", true);
    }

    @Test
    void backedRefIdPasses() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, FakeIscApi.hintFor("wf-1"));

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(0, report.failureCount());
        assertEquals(1, report.credentialCount());
        assertTrue(report.referencesVerified());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void missingRefIdFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, null);
        api.addParameter(PARAM, "crm-oauth");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        List<Finding> findings = report.findings();
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(FindingKind.MISSING_REF_ID, finding.kind());
        assertEquals(
                "step 'HTTP Request', param_oauth (paramID " + PARAM + ", refID none): no refID, so ISC has no"
                        + " reference record linking parameter " + PARAM + " to this workflow and the step fails"
                        + " at run time with \"unexpected Parameter configuration\". Fix: open the workflow in the"
                        + " ISC UI, disable it and enable it once, then rerun mvn verify (see docs/refid.md).",
                finding.format());
    }

    @Test
    void blankRefIdCountsAsMissing() throws IscException {
        JsonObject workflow = api.addWorkflow("wf-1", "Notify", true, PARAM, "  ");
        api.addParameter(PARAM, "crm-oauth");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(FindingKind.MISSING_REF_ID, report.findings().get(0).kind());
        assertTrue(workflow.toString().contains("\"refID\":\"  \""));
    }

    @Test
    void unknownParameterPointsToPlaceholder() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        Finding finding = report.findings().get(0);
        assertEquals(FindingKind.UNKNOWN_PARAMETER, finding.kind());
        assertEquals(
                "paramID " + PARAM + " names no parameter on this tenant; the file probably comes from another"
                        + " tenant.",
                finding.message());
        assertTrue(finding.fix().contains("${parameter:NAME}"), finding.fix());
        assertEquals(1, api.count("getParameterReferences"));
        assertEquals(0, api.count("getParameter " + PARAM));
    }

    @Test
    void refIdWithoutRecordFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, "other-ref", FakeIscApi.hintFor("wf-1"));

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        Finding finding = report.findings().get(0);
        assertEquals(FindingKind.REFERENCE_NOT_FOUND, finding.kind());
        assertEquals(
                "refID " + REF + " is not among the 1 reference record(s) of parameter " + PARAM + ", so it was"
                        + " copied from another workflow or tenant, or it is stale; ISC fails the step at run time.",
                finding.message());
    }

    @Test
    void refIdOfAnotherWorkflowFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addWorkflow("wf-2", "Copy of Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, FakeIscApi.hintFor("wf-1"));

        ReferenceReport report = check(true, selected("wf-1", "Notify"), selected("wf-2", "Copy of Notify"));

        assertEquals(List.of(), report.workflows().get(0).findings());
        Finding finding = report.workflows().get(1).findings().get(0);
        assertEquals(FindingKind.REFERENCE_OF_OTHER_WORKFLOW, finding.kind());
        assertEquals(
                "refID " + REF + " is the reference record of workflow wf-1, not of this workflow, so it was"
                        + " copied; ISC fails the step at run time.",
                finding.message());
    }

    @Test
    void unreadableUsageHintFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, "not json");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(1, report.failureCount());
        Finding finding = report.findings().get(0);
        assertEquals(FindingKind.REFERENCE_OWNER_UNREADABLE, finding.kind());
        assertEquals(
                "reference record " + REF + " exists, but its usageHint holds no readable workflowId, so the"
                        + " plugin cannot confirm that it belongs to this workflow.",
                finding.message());
    }

    @Test
    void usageHintWithWorkflowIdArrayFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, "{\"workflowId\": [\"wf-1\"]}");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(
                FindingKind.REFERENCE_OWNER_UNREADABLE, report.findings().get(0).kind());
    }

    @Test
    void singleQuotedUsageHintFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, "{workflowId: 'wf-1'}");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(
                FindingKind.REFERENCE_OWNER_UNREADABLE, report.findings().get(0).kind());
    }

    @Test
    void usageHintWithTwoWorkflowIdsFails() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, "{\"workflowId\": \"wf-9\", \"workflowId\": \"wf-1\"}");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(
                FindingKind.REFERENCE_OWNER_UNREADABLE, report.findings().get(0).kind());
    }

    @Test
    void missingUsageHintWarns() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.addReference(PARAM, REF, null);

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(0, report.failureCount());
        assertEquals(
                FindingKind.REFERENCE_OWNER_UNKNOWN, report.findings().get(0).kind());
    }

    @Test
    void referencesReadOncePerParameter() throws IscException {
        for (int i = 0; i < 5; i++) {
            api.addWorkflow("wf-" + i, "Flow " + i, true, PARAM, "ref-" + i);
            api.addReference(PARAM, "ref-" + i, FakeIscApi.hintFor("wf-" + i));
        }
        api.addParameter(PARAM, "crm-oauth");
        SelectedWorkflow[] selected = new SelectedWorkflow[5];
        for (int i = 0; i < 5; i++) {
            selected[i] = selected("wf-" + i, "Flow " + i);
        }

        ReferenceReport report = check(true, selected);

        assertEquals(0, report.failureCount());
        assertEquals(5, api.count("getWorkflow"));
        assertEquals(0, api.count("getParameter " + PARAM));
        assertEquals(1, api.count("getParameterReferences"));
        assertEquals(6, report.requests());
    }

    @Test
    void verificationOffChecksOnlyPresence() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);

        ReferenceReport report = check(false, selected("wf-1", "Notify"));

        assertEquals(0, report.failureCount());
        assertFalse(report.referencesVerified());
        assertEquals(
                FindingKind.VERIFICATION_OFF, report.generalFindings().get(0).kind());
        assertEquals(0, api.count("getParameter"));
    }

    @Test
    void forbiddenParameterStorageNamesScope() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addWorkflow("wf-2", "Other", true, PARAM, null);
        api.failures.put(
                "getParameterReferences",
                new IscException("GET references: 403", 403, "403", "trk-9", List.of("Forbidden."), null));

        ReferenceReport report = check(true, selected("wf-1", "Notify"), selected("wf-2", "Other"));

        assertFalse(report.referencesVerified());
        Finding scope = report.generalFindings().get(0);
        assertEquals(FindingKind.VERIFICATION_UNAVAILABLE, scope.kind());
        assertEquals(
                "Parameter Storage rejected the request for parameters or references (HTTP 403): the API client probably"
                        + " lacks the scope sp:parameter-storage:read, so refIDs could not be checked against their"
                        + " reference records. ISC said: Forbidden. trackingId: trk-9.",
                scope.message());
        assertTrue(scope.fix().contains("-Disc.verifyReferences=false"), scope.fix());
        assertEquals(1, api.count("getParameter"));
        assertEquals(
                FindingKind.MISSING_REF_ID,
                report.workflows().get(1).findings().get(0).kind());
        assertEquals(2, report.failureCount());
    }

    @Test
    void serverErrorOnReferencesPropagates() {
        api.addWorkflow("wf-1", "Notify", true, PARAM, REF);
        api.addParameter(PARAM, "crm-oauth");
        api.failures.put("getParameterReferences", new IscException("GET references: 500", 500));

        IscException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                IscException.class, () -> check(true, selected("wf-1", "Notify")));

        assertEquals(500, thrown.status());
    }

    @Test
    void vanishedWorkflowFails() throws IscException {
        ReferenceReport report = check(true, selected("wf-gone", "Gone"));

        assertEquals(FindingKind.WORKFLOW_NOT_FOUND, report.findings().get(0).kind());
        assertEquals(1, report.failureCount());
    }

    @Test
    void credentialWithoutParamIdFails() throws IscException {
        JsonObject attributes = JsonParser.parseString(
                        "{\"param_authenticationRef\":\"basic\",\"param_basic\":{\"mapping\":{},\"refID\":\"r\"}}")
                .getAsJsonObject();
        api.addWorkflowWithStep("wf-1", "Basic", true, "Call", attributes);

        ReferenceReport report = check(true, selected("wf-1", "Basic"));

        Finding finding = report.findings().get(0);
        assertEquals(FindingKind.MISSING_PARAM_ID, finding.kind());
        assertEquals(
                "step 'Call', param_basic (paramID none, refID r): the credential object has no paramID, so"
                        + " it names no Parameter Storage parameter. Fix: choose the credential of this step in the ISC UI"
                        + " and export the workflow again, or set \"paramID\": \"${parameter:NAME}\" in the source file.",
                finding.format());
    }

    @Test
    void loopBodiesAreChecked() throws IscException {
        JsonObject loop = JsonParser.parseString("{\"start\":\"Inner\",\"steps\":{\"Inner\":{\"actionId\":\"sp:http\","
                        + "\"attributes\":{\"param_oauth\":{\"paramID\":\"" + PARAM + "\"}},\"type\":\"action\"}}}")
                .getAsJsonObject();
        api.addWorkflowWithStep("wf-1", "Looping", true, "Loop", loop);
        api.workflows
                .get("wf-1")
                .getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Loop")
                .addProperty("actionId", "sp:loop:iterator");
        api.addParameter(PARAM, "crm-oauth");

        ReferenceReport report = check(true, selected("wf-1", "Looping"));

        Finding finding = report.findings().get(0);
        assertEquals(FindingKind.MISSING_REF_ID, finding.kind());
        assertEquals("Loop > Inner", finding.stepPath());
    }

    @Test
    void inlineSecretsAndVaultReferencesWarn() throws IscException {
        JsonObject attributes = JsonParser.parseString(
                        "{\"authenticationType\":\"OAuth\",\"oAuthClientId\":\"abc\"," + "\"oAuthClientSecret\":null}")
                .getAsJsonObject();
        api.addWorkflowWithStep("wf-1", "Legacy", true, "Call", attributes);
        JsonObject vault = JsonParser.parseString("{\"authenticationType\":\"OAuth\","
                        + "\"oAuthClientSecret\":\"$.secrets.dd3a3a87-281d-4feb-897a-10ac94320b45\"}")
                .getAsJsonObject();
        api.addWorkflowWithStep("wf-2", "Vault", true, "Call", vault);

        ReferenceReport report = check(true, selected("wf-1", "Legacy"), selected("wf-2", "Vault"));

        assertEquals(0, report.failureCount());
        Finding empty = report.workflows().get(0).findings().get(0);
        assertEquals(FindingKind.EMPTY_INLINE_SECRET, empty.kind());
        assertEquals("oAuthClientSecret", empty.attribute());
        Finding secret = report.workflows().get(1).findings().get(0);
        assertEquals(FindingKind.SECRET_NOT_VERIFIABLE, secret.kind());
        assertEquals(
                "uses the workflow secret $.secrets.dd3a3a87-281d-4feb-897a-10ac94320b45. Such secrets exist per"
                        + " tenant and the public API offers no call to read them, so the plugin cannot verify it.",
                secret.message());
        assertEquals(1, report.workflows().get(1).findings().size());
    }

    @Test
    void emptyReferenceListConfirmsParameter() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, null);
        api.addParameter(PARAM, "crm-oauth");

        ReferenceReport report = check(true, selected("wf-1", "Notify"));

        assertEquals(
                List.of(FindingKind.MISSING_REF_ID),
                report.findings().stream().map(Finding::kind).toList());
        assertEquals(1, api.count("getParameterReferences " + PARAM));
        assertEquals(1, api.count("getParameter " + PARAM));
    }
}
