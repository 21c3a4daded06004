package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.DeployerTest.describe;
import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.withCredentials;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.CredentialReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates of enabled workflows and the carrying over of live refIDs. */
class EnabledAndRefIdTest {

    @TempDir
    Path temp;

    private Path workflows;
    private FakeIscApi api;
    private RecordingLog log;

    @BeforeEach
    void setUp() {
        workflows = temp.resolve("workflows");
        api = new FakeIscApi();
        log = new RecordingLog();
    }

    private DeployResult deploy() throws Exception {
        return new Deployer(api, DeployOptions.defaults("acme.example", temp.resolve("out")), log)
                .deploy(load(workflows));
    }

    private String seedEnabled(String text) {
        JsonObject remote = parse(text);
        remote.addProperty("enabled", true);
        return api.seed(remote);
    }

    @Test
    void enabledWorkflowIsDisabledUpdatedAndEnabledAgain() throws Exception {
        String id = seedEnabled(simple("Live", "old"));
        write(workflows, "live.json", simple("Live", "new"));

        DeployResult result = deploy();

        assertEquals(
                List.of("PATCH /workflows/" + id, "PUT /workflows/" + id, "PATCH /workflows/" + id),
                describe(api.writes()));
        assertEquals(
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]",
                api.writes().get(0).body());
        assertEquals(
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                api.writes().get(2).body());
        assertTrue(api.stored(id).get("enabled").getAsBoolean());
        assertEquals("new", api.stored(id).get("description").getAsString());
        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        assertTrue(
                log.lines()
                        .contains("[info] Updated 'Live' (" + id + "): it was enabled, so deploy disabled it, replaced"
                                + " it and enabled it again."),
                log.text());
    }

    @Test
    void sourceSayingDisabledLeavesItDisabledAfterTheUpdate() throws Exception {
        String id = seedEnabled(simple("Live", "old"));
        write(
                workflows,
                "live.json",
                simple("Live", "new").replace("\"name\": \"Live\",", "\"name\": \"Live\", \"enabled\": false,"));

        deploy();

        assertEquals(List.of("PATCH /workflows/" + id, "PUT /workflows/" + id), describe(api.writes()));
        assertFalse(api.stored(id).get("enabled").getAsBoolean());
        assertTrue(
                log.lines()
                        .contains("[info] Updated 'Live' (" + id + "): it was enabled, so deploy disabled it and"
                                + " replaced it; it stays disabled because the source says \"enabled\": false."),
                log.text());
    }

    @Test
    void failedUpdateStillEnablesAgainAndReportsBoth() throws Exception {
        String id = seedEnabled(simple("Live", "old"));
        write(workflows, "live.json", simple("Live", "new"));
        api.failWhen(call -> call.method().equals("PUT")
                ? new IscException("PUT /workflows/" + id + ": 400 step 'Wait' is invalid", 400)
                : null);

        DeployResult result = deploy();

        assertEquals(
                List.of("PATCH /workflows/" + id, "PUT /workflows/" + id, "PATCH /workflows/" + id),
                describe(api.writes()));
        assertTrue(api.stored(id).get("enabled").getAsBoolean());
        WorkflowOutcome outcome = result.outcomes().get(0);
        assertEquals(Result.FAILED, outcome.result());
        assertEquals(
                "update failed: PUT /workflows/" + id + ": 400 step 'Wait' is invalid; it was enabled again, so the"
                        + " tenant's previous version is still live.",
                outcome.error());
    }

    @Test
    void failedUpdateAndFailedEnableAreBothReported() throws Exception {
        String id = seedEnabled(simple("Live", "old"));
        write(workflows, "live.json", simple("Live", "new"));
        api.failWhen(call -> {
            if (call.method().equals("PUT")) {
                return new IscException("PUT /workflows/" + id + ": 500 Internal Server Error", 500);
            }
            if (call.method().equals("PATCH") && call.body().contains("true")) {
                return new IscException("PATCH /workflows/" + id + ": 500 Internal Server Error", 500);
            }
            return null;
        });

        DeployResult result = deploy();

        assertEquals(
                "update failed: PUT /workflows/" + id + ": 500 Internal Server Error; enabling it again failed too"
                        + " (PATCH /workflows/" + id + ": 500 Internal Server Error), so it is now disabled. Enable it"
                        + " with isc:enable or in the ISC UI.",
                result.outcomes().get(0).error());
    }

    @Test
    void failedDisableLeavesTheWorkflowAlone() throws Exception {
        String id = seedEnabled(simple("Live", "old"));
        write(workflows, "live.json", simple("Live", "new"));
        api.failWhen(call -> call.method().equals("PATCH")
                ? new IscException("PATCH /workflows/" + id + ": 403 Forbidden", 403)
                : null);

        DeployResult result = deploy();

        assertEquals(List.of("PATCH /workflows/" + id), describe(api.writes()));
        assertEquals(
                "disabling it before the update failed, so it was not changed and is still enabled: PATCH /workflows/"
                        + id + ": 403 Forbidden",
                result.outcomes().get(0).error());
    }

    @Test
    void liveRefIdsAreCarriedOverIncludingLoopSteps() throws Exception {
        JsonObject remote = parse(withCredentials("Creds", "param-1", ""));
        setRefIds(remote, Map.of("Call API", "live-top", "Loop > Inner Call", "live-inner"));
        remote.addProperty("description", "old");
        String id = api.seed(remote);
        write(workflows, "creds.json", withCredentials("Creds", "param-1", ""));

        DeployResult result = deploy();

        JsonObject body = parse(api.writes().get(0).body());
        assertEquals(Map.of("Call API", "live-top", "Loop > Inner Call", "live-inner"), refIds(body));
        assertEquals(List.of(), result.plan().get(0).notes());
        assertEquals(List.of("PUT /workflows/" + id), describe(api.writes()));
    }

    @Test
    void sourceRefIdUnknownToTheTenantIsDroppedWithANote() throws Exception {
        JsonObject remote = parse(withCredentials("Creds", "param-1", ""));
        remote.addProperty("description", "old");
        api.seed(remote);
        write(workflows, "creds.json", withCredentials("Creds", "param-1", ", \"refID\": \"stale\""));

        DeployResult result = deploy();

        assertEquals(Map.of(), refIds(parse(api.writes().get(0).body())));
        assertEquals(
                List.of("dropped refID stale of step 'Call API' attribute param_oauth (paramID param-1): the tenant's"
                        + " workflow has no refID there, and ISC creates refIDs per workflow."),
                result.outcomes().get(0).notes());
        assertTrue(log.lines()
                .contains("[warn]     'Creds': dropped refID stale of step 'Call API' attribute param_oauth (paramID"
                        + " param-1): the tenant's workflow has no refID there, and ISC creates refIDs per"
                        + " workflow."));
    }

    @Test
    void sourceRefIdIsReplacedByTheLiveOne() throws Exception {
        JsonObject remote = parse(withCredentials("Creds", "param-1", ""));
        setRefIds(remote, Map.of("Call API", "live-top"));
        remote.addProperty("description", "old");
        api.seed(remote);
        write(workflows, "creds.json", withCredentials("Creds", "param-1", ", \"refID\": \"from-file\""));

        deploy();

        assertEquals(
                Map.of("Call API", "live-top"), refIds(parse(api.writes().get(0).body())));
        assertTrue(
                log.text()
                        .contains("replaced the file's refID from-file of step 'Call API' attribute param_oauth"
                                + " (paramID param-1) with the tenant's live-top: ISC creates refIDs per workflow, so"
                                + " only the tenant's own is valid."),
                log.text());
    }

    @Test
    void liveRefIdOfAChangedParameterIsNotCarriedAndNoted() throws Exception {
        JsonObject remote = parse(withCredentials("Creds", "param-old", ""));
        setRefIds(remote, Map.of("Call API", "live-top"));
        api.seed(remote);
        write(workflows, "creds.json", withCredentials("Creds", "param-new", ""));

        DeployResult result = deploy();

        assertEquals(Map.of(), refIds(parse(api.writes().get(0).body())));
        assertEquals(
                List.of("the tenant's refID live-top of step 'Call API' attribute param_oauth (paramID param-old) is"
                        + " not kept because the source no longer has that credential; run isc:check-references"
                        + " after isc:enable."),
                result.plan().get(0).notes());
    }

    @Test
    void refIdsMintedOnCreateMakeNoDifferenceOnRedeploy() throws Exception {
        api.mintRefIdsOnCreate();
        write(workflows, "creds.json", withCredentials("Creds", "param-1", ""));
        deploy();
        api.clearCalls();

        DeployResult second = deploy();

        assertEquals(Result.UNCHANGED, second.outcomes().get(0).result());
        assertEquals(List.of(), api.writes());
    }

    private static void setRefIds(JsonObject workflow, Map<String, String> refIdsByStep) {
        for (CredentialReference credential : CredentialReference.findAll(workflow)) {
            String refId = refIdsByStep.get(credential.stepPath());
            if (refId != null) {
                credential.object().addProperty("refID", refId);
            }
        }
    }

    private static Map<String, String> refIds(JsonObject workflow) {
        return CredentialReference.findAll(workflow).stream()
                .filter(c -> c.refId() != null)
                .collect(Collectors.toMap(CredentialReference::stepPath, CredentialReference::refId));
    }
}
