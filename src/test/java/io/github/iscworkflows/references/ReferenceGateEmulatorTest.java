package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.Fault;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import io.github.iscworkflows.support.BuildLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reference gate, enable and test runs against the embedded emulator in each reference mode. */
class ReferenceGateEmulatorTest {

    private IscEmulator emulator;
    private IscApi api;
    private String parameterId;

    private void start(ReferenceMode mode) throws IOException {
        emulator = IscEmulator.start(
                EmulatorOptions.builder().referenceMode(mode).noRateLimit().build());
        api = new IscClient(
                IscClientConfig.builder(emulator.url(), "emulator", "emulator").build());
        parameterId =
                emulator.state().addParameter("crm-oauth", "1.4").get("id").getAsString();
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (emulator != null) {
            emulator.stop();
        }
    }

    /** Creates a workflow the way deploy does: POST, disabled, and without refID unless given. */
    static JsonObject workflowBody(String name, String paramId, String refId) {
        String ref = refId == null ? "" : ", \"refID\": \"" + refId + "\"";
        return JsonParser.parseString("""
                {"name": "%s", "description": "calls the CRM", "enabled": false,
                 "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-attributes-changed"}},
                 "definition": {"start": "Call CRM", "steps": {
                   "Call CRM": {"actionId": "sp:http", "type": "action", "nextStep": "End",
                     "attributes": {"method": "get", "url": "https://crm.example.com/api",
                       "param_authenticationRef": "oauth",
                       "param_oauth": {"mapping": {"auth_client_id": "clientId"},
                                       "paramID": "%s", "paramType": "1.4"%s}}},
                   "End": {"type": "success"}}}}
                """.formatted(name, paramId, ref)).getAsJsonObject();
    }

    private SelectedWorkflow deploy(String name, String refId) throws IscException {
        JsonObject created = api.createWorkflow(workflowBody(name, parameterId, refId));
        return new SelectedWorkflow(name, created.get("id").getAsString(), name + ".json", true);
    }

    private ReferenceReport gate(SelectedWorkflow... workflows) throws IscException {
        return new ReferenceChecker(api, BuildLog.silent(), true).check(List.of(workflows));
    }

    private List<EnableOutcome> enable(boolean refresh, SelectedWorkflow... workflows) throws IscException {
        return new WorkflowEnabler(api, BuildLog.silent())
                .run(List.of(workflows), new WorkflowEnabler.Options(false, false, refresh, false));
    }

    private void uiToggle(String workflowId) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(emulator.url() + "/emulator/workflows/" + workflowId + "/ui-toggle"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static List<FindingKind> kinds(ReferenceReport report) {
        return report.findings().stream().map(Finding::kind).toList();
    }

    @Test
    void neverModeFailsWithExactMessage() throws Exception {
        start(ReferenceMode.NEVER);
        SelectedWorkflow workflow = deploy("Notify CRM", null);
        enable(false, workflow);

        ReferenceReport report = gate(workflow);

        assertEquals(
                "check-references found 1 problem in 1 of 1 workflow (1 credential object checked):\n"
                        + "Workflow 'Notify CRM' (id " + workflow.id() + ") from Notify CRM.json:\n"
                        + "  - step 'Call CRM', param_oauth (paramID " + parameterId + ", refID none): no refID, so"
                        + " ISC has no reference record linking parameter " + parameterId + " to this workflow and"
                        + " the step fails at run time with \"unexpected Parameter configuration\". Fix: open the"
                        + " workflow in the ISC UI, disable it and enable it once, then rerun mvn verify (see"
                        + " docs/refid.md).\n"
                        + "Reports: r.json, t.xml",
                FindingsMessage.failure(report, "r.json", "t.xml"));
    }

    @Test
    void neverModePassesAfterUiToggle() throws Exception {
        start(ReferenceMode.NEVER);
        SelectedWorkflow workflow = deploy("Notify CRM", null);
        enable(false, workflow);

        uiToggle(workflow.id());
        ReferenceReport report = gate(workflow);

        assertEquals(List.of(), report.findings());
        assertEquals(1, report.credentialCount());
    }

    @Test
    void onCreateModePassesAfterDeploy() throws Exception {
        start(ReferenceMode.ON_CREATE);
        SelectedWorkflow workflow = deploy("Notify CRM", null);

        ReferenceReport report = gate(workflow);

        assertEquals(List.of(), report.findings());
    }

    @Test
    void onEnableModePassesOnlyAfterEnable() throws Exception {
        start(ReferenceMode.ON_ENABLE);
        SelectedWorkflow workflow = deploy("Notify CRM", null);

        ReferenceReport beforeEnable = gate(workflow);
        List<EnableOutcome> outcomes = enable(false, workflow);
        ReferenceReport afterEnable = gate(workflow);

        assertEquals(List.of(FindingKind.MISSING_REF_ID), kinds(beforeEnable));
        assertEquals(List.of(), outcomes.get(0).withoutRefId());
        assertEquals(List.of(), afterEnable.findings());
    }

    @Test
    void danglingRefIdFailsReferenceCheck() throws Exception {
        start(ReferenceMode.DANGLING);
        SelectedWorkflow workflow = deploy("Notify CRM", null);
        enable(false, workflow);

        ReferenceReport report = gate(workflow);

        assertEquals(List.of(FindingKind.REFERENCE_NOT_FOUND), kinds(report));
        assertNotNull(report.findings().get(0).refId());
    }

    @Test
    void copiedRefIdFailsReferenceCheck() throws Exception {
        start(ReferenceMode.NEVER);
        SelectedWorkflow original = deploy("Notify CRM", null);
        uiToggle(original.id());
        String liveRefId = api.getWorkflow(original.id())
                .orElseThrow()
                .getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call CRM")
                .getAsJsonObject("attributes")
                .getAsJsonObject("param_oauth")
                .get("refID")
                .getAsString();
        SelectedWorkflow copy = deploy("Notify CRM copy", liveRefId);

        ReferenceReport report = gate(original, copy);

        assertEquals(List.of(), report.workflows().get(0).findings());
        assertEquals(
                List.of(FindingKind.REFERENCE_OF_OTHER_WORKFLOW),
                report.workflows().get(1).findings().stream().map(Finding::kind).toList());
        assertEquals(
                "refID " + liveRefId + " is the reference record of workflow " + original.id()
                        + ", not of this workflow, so it was copied; ISC fails the step at run time.",
                report.workflows().get(1).findings().get(0).message());
    }

    @Test
    void unknownParameterFailsParameterCheck() throws Exception {
        start(ReferenceMode.ON_CREATE);
        JsonObject created = api.createWorkflow(workflowBody("Imported", "id-from-another-tenant", null));
        SelectedWorkflow workflow =
                new SelectedWorkflow("Imported", created.get("id").getAsString(), null, null);

        ReferenceReport report = gate(workflow);

        assertEquals(List.of(FindingKind.MISSING_REF_ID, FindingKind.UNKNOWN_PARAMETER), kinds(report));
    }

    @Test
    void forbiddenReferencesNameTheScope() throws Exception {
        start(ReferenceMode.ON_CREATE);
        SelectedWorkflow workflow = deploy("Notify CRM", null);
        emulator.faults().add(Fault.status("/parameter-storage/parameters/{id}/references", 403));

        ReferenceReport report = gate(workflow);

        assertEquals(List.of(FindingKind.VERIFICATION_UNAVAILABLE), kinds(report));
        assertEquals(false, report.referencesVerified());
    }

    @Test
    void refreshFindsNothingInNeverMode() throws Exception {
        start(ReferenceMode.NEVER);
        SelectedWorkflow workflow = deploy("Notify CRM", null);

        EnableOutcome outcome = enable(true, workflow).get(0);

        assertEquals(
                List.of(
                        "refreshReferences, disable and enable again: no refID appeared (1 credential object(s)"
                                + " still without).",
                        "refreshReferences, full PUT of the current definition: no refID appeared (1 credential"
                                + " object(s) still without).",
                        "refreshReferences: no API-only way gave " + workflow.label() + " a usable reference. Fix:"
                                + " open the workflow in the ISC UI, disable it and enable it once, then rerun mvn"
                                + " verify (see docs/refid.md)."),
                outcome.refreshNotes());
        assertEquals(
                true,
                emulator.state()
                        .workflow(workflow.id())
                        .orElseThrow()
                        .get("enabled")
                        .getAsBoolean());
    }

    @Test
    void refreshInDanglingModeStaysDangling() throws Exception {
        start(ReferenceMode.DANGLING);
        SelectedWorkflow workflow = deploy("Notify CRM", null);

        EnableOutcome outcome = enable(true, workflow).get(0);

        assertEquals(3, outcome.refreshNotes().size());
        assertEquals(
                "refreshReferences, full PUT of the current definition: refIDs are present, but 1 credential"
                        + " object(s) carry a refID with no reference record of this workflow behind it, so ISC"
                        + " would still fail the step.",
                outcome.refreshNotes().get(1));
    }

    @Test
    void testRunFailsAtStepWithoutReference() throws Exception {
        start(ReferenceMode.NEVER);
        deploy("Notify CRM", null);
        WorkflowTestRunner runner = new WorkflowTestRunner(api, BuildLog.silent());
        WorkflowTestRunner.Options options =
                new WorkflowTestRunner.Options(Duration.ofSeconds(10), Duration.ofMillis(10), false, false);

        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Notify CRM", new JsonObject(), options));

        assertEquals(
                true,
                thrown.getMessage().contains("ended Failed: step 'Call CRM' failed (ActivityTaskFailed)"),
                thrown.getMessage());
    }

    @Test
    void testRunCompletesAfterUiToggle() throws Exception {
        start(ReferenceMode.NEVER);
        SelectedWorkflow workflow = deploy("Notify CRM", null);
        uiToggle(workflow.id());
        WorkflowTestRunner runner = new WorkflowTestRunner(api, BuildLog.silent());
        WorkflowTestRunner.Options options =
                new WorkflowTestRunner.Options(Duration.ofSeconds(10), Duration.ofMillis(10), false, false);

        WorkflowTestRunner.Result result = runner.run("Notify CRM", new JsonObject(), options);

        assertEquals("Completed", result.status());
        assertNotNull(result.executionId());
    }

    @Test
    void gateReadsSharedParameterOnce() throws Exception {
        start(ReferenceMode.ON_CREATE);
        SelectedWorkflow[] workflows = new SelectedWorkflow[10];
        for (int i = 0; i < workflows.length; i++) {
            workflows[i] = deploy("Flow " + i, null);
        }
        emulator.stats().reset();

        ReferenceReport report = gate(workflows);

        // One GET per workflow and one reference list for the shared parameter; the token is cached.
        assertEquals(0, report.failureCount());
        assertEquals(11, emulator.stats().total());
        assertEquals(11, report.requests());
    }
}
