package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.withCredentials;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.deploy.WorkflowOutcome.FailureKind;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployerTest {

    @TempDir
    Path temp;

    private Path workflows;
    private Path output;
    private FakeIscApi api;
    private RecordingLog log;

    @BeforeEach
    void setUp() {
        workflows = temp.resolve("workflows");
        output = temp.resolve("target/isc");
        api = new FakeIscApi();
        log = new RecordingLog();
    }

    private DeployOptions options() {
        return DeployOptions.defaults("acme.example", output)
                .withClock(Clock.fixed(Instant.parse("2026-12-04T16:30:00Z"), ZoneOffset.UTC));
    }

    private DeployResult deploy(DeployOptions options) throws Exception {
        return new Deployer(api, options, log).deploy(load(workflows));
    }

    @Test
    void createSendsNoReadOnlyFieldsEnabledOrRefIds() throws Exception {
        String text = withCredentials("Create Me", "param-1", ", \"refID\": \"copied-from-elsewhere\"")
                .replace(
                        "\"name\": \"Create Me\",", "\"name\": \"Create Me\", \"enabled\": true, \"modified\": \"x\",");
        write(workflows, "create.json", text);

        DeployResult result = deploy(options());

        assertEquals(List.of("POST /workflows"), describe(api.writes()));
        JsonObject body = parse(api.writes().get(0).body());
        assertFalse(body.has("enabled"));
        assertFalse(body.has("modified"));
        assertFalse(api.writes().get(0).body().contains("refID"));
        WorkflowOutcome outcome = result.outcomes().get(0);
        assertEquals(Result.CREATED, outcome.result());
        assertEquals("wf-0001", outcome.id());
        assertTrue(outcome.plan().enabledInSource());
    }

    @Test
    void unchangedWorkflowCostsNoWrite() throws Exception {
        String text = withCredentials("Same", "param-1", "");
        write(workflows, "same.json", text);
        JsonObject remote = parse(text);
        remote.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call API")
                .getAsJsonObject("attributes")
                .getAsJsonObject("param_oauth")
                .addProperty("refID", "live-ref");
        remote.addProperty("enabled", true);
        remote.getAsJsonObject("owner").addProperty("name", "Display Name Set By ISC");
        api.seed(remote);

        DeployResult result = deploy(options());

        assertEquals(List.of(), api.writes());
        assertEquals(Result.UNCHANGED, result.outcomes().get(0).result());
        assertEquals(1, result.requestCount());
        assertTrue(log.text().contains("  unchanged 'Same' (same.json, id wf-0001)"), log.text());
    }

    @Test
    void nameWithNewlineStaysOnOneLogLine() throws Exception {
        write(workflows, "split.json", simple("Split\\nName", "d"));

        deploy(options());

        assertTrue(log.text().contains("  create    'Split\\nName' (split.json)\n"), log.text());
        assertTrue(log.text().contains("Created 'Split\\nName' (wf-0001)."), log.text());
    }

    @Test
    void updateSendsTheFullBodyAndNamesChangedFieldsAndSteps() throws Exception {
        String remote = simple("Nightly", "old description");
        api.seed(parse(remote));
        String local = simple("Nightly", "new description").replace("\"duration\": \"1m\"", "\"duration\": \"2m\"");
        write(workflows, "nightly.json", local);

        DeployResult result = deploy(options());

        assertEquals(List.of("PUT /workflows/wf-0001"), describe(api.writes()));
        JsonObject body = parse(api.writes().get(0).body());
        assertEquals("SCHEDULED", body.getAsJsonObject("trigger").get("type").getAsString());
        assertFalse(body.get("enabled").getAsBoolean());
        assertFalse(body.has("id"));
        PlannedWorkflow plan = result.plan().get(0);
        assertEquals(List.of("definition", "description"), plan.changes().fields());
        assertEquals(List.of("Wait"), plan.changes().changedSteps());
        assertTrue(
                log.text()
                        .contains(
                                "  update    'Nightly' (nightly.json, id wf-0001): fields definition, description; steps changed: Wait"),
                log.text());
        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
    }

    @Test
    void numberSpellingAndStringBooleansCountAsChanges() throws Exception {
        String local = simple("Typed", "same");
        api.seed(parse(local.replace("\"versionNumber\": 1", "\"versionNumber\": 1.0")));
        api.seed(parse(simple("Quoted", "same").replace("\"versionNumber\": 1", "\"versionNumber\": \"1\"")));
        write(workflows, "typed.json", local);
        write(workflows, "quoted.json", simple("Quoted", "same"));

        DeployResult result = deploy(options());

        assertEquals(List.of("Wait"), result.plan().get(0).changes().changedSteps());
        assertEquals(List.of("Wait"), result.plan().get(1).changes().changedSteps());
        assertEquals(2, api.writes().size());
        for (FakeIscApi.Call write : api.writes()) {
            assertTrue(write.body().contains("\"versionNumber\":1}"), write.body());
        }
    }

    @Test
    void updateKeepsTheTenantTriggerWhenTheSourceHasNone() throws Exception {
        api.seed(parse(simple("No Trigger", "old")));
        JsonObject local = parse(simple("No Trigger", "new"));
        local.remove("trigger");
        write(workflows, "t.json", local.toString());

        deploy(options());

        JsonObject body = parse(api.writes().get(0).body());
        assertEquals(
                "0 0 * * *",
                body.getAsJsonObject("trigger")
                        .getAsJsonObject("attributes")
                        .get("cronString")
                        .getAsString());
    }

    @Test
    void fileIdPicksTheTenantWorkflowEvenWhenRenamed() throws Exception {
        String id = api.seed(parse(simple("Old Name", "same")));
        JsonObject local = parse(simple("New Name", "same"));
        local.addProperty("id", id);
        write(workflows, "renamed.json", local.toString());

        DeployResult result = deploy(options());

        assertEquals(List.of("PUT /workflows/" + id), describe(api.writes()));
        assertEquals(List.of("name"), result.plan().get(0).changes().fields());
    }

    @Test
    void unknownFileIdFallsBackToTheName() throws Exception {
        api.seed(parse(simple("Named", "same")));
        JsonObject local = parse(simple("Named", "same"));
        local.addProperty("id", "id-from-another-tenant");
        write(workflows, "named.json", local.toString());

        DeployResult result = deploy(options());

        assertEquals(PlanAction.UNCHANGED, result.plan().get(0).action());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void conflictFailsOnlyThatWorkflow() throws Exception {
        api.seed(parse(simple("Twice", "a")));
        api.seed(parse(simple("Twice", "b")));
        write(workflows, "twice.json", simple("Twice", "c"));
        write(workflows, "other.json", simple("Other", "d"));

        DeployResult result = deploy(options());

        WorkflowOutcome conflict = result.outcomes().get(1);
        assertEquals("twice.json", conflict.plan().file());
        assertEquals(Result.FAILED, conflict.result());
        assertEquals(FailureKind.CONTENT, conflict.failure());
        assertEquals(
                "2 workflows on the tenant are named 'Twice' (ids wf-0001, wf-0002), so deploy cannot tell which one"
                        + " to update. Delete or rename all but one on the tenant, or add \"id\": \"<one of these"
                        + " ids>\" to twice.json to pick one.",
                conflict.error());
        assertEquals(Result.CREATED, result.outcomes().get(0).result());
        assertEquals(List.of("POST /workflows"), describe(api.writes()));
        assertTrue(result.hasContentFailure());
    }

    @Test
    void duplicateLocalNamesFailThePlan() throws Exception {
        write(workflows, "a.json", simple("Same Name", "a"));
        write(workflows, "b.json", simple("Same Name", "b"));

        PlanException e = assertThrows(PlanException.class, () -> deploy(options()));

        assertEquals(
                "The deploy plan has 1 problem(s):\n"
                        + "  b.json:2:3: error duplicate-name the workflow name 'Same Name' is also used in a.json"
                        + " (line 2); deploy matches workflows by name, so names must be unique. Rename one of them.\n"
                        + "Nothing was written to the tenant.",
                e.getMessage());
        assertEquals(List.of(), api.calls());
    }

    @Test
    void dryRunWritesNothingAndPrintsTheDiff() throws Exception {
        api.seed(parse(simple("Changed", "old")));
        write(workflows, "changed.json", simple("Changed", "new"));
        write(workflows, "new.json", simple("Brand New", "x"));

        DeployResult result = deploy(options().withDryRun(true));

        assertEquals(List.of(), api.writes());
        assertTrue(result.dryRun());
        assertEquals(List.of(), result.outcomes());
        String text = log.text();
        assertTrue(text.contains("Plan for acme.example: 1 create, 1 update, 0 unchanged, 0 conflict, 0 prune."), text);
        assertTrue(
                text.contains("Changes to 'Changed' (tenant first, normalised):\n"
                        + "--- tenant/Changed\n"
                        + "+++ source/Changed\n"),
                text);
        assertTrue(text.contains("-  \"description\": \"old\",\n+  \"description\": \"new\","), text);
        assertTrue(Files.exists(output.resolve(DeployReport.PLAN_FILE)));
        assertFalse(Files.exists(output.resolve(DeployReport.REPORT_FILE)));
        assertFalse(Files.exists(output.resolve("backup")));
    }

    @Test
    void backupIsWrittenBeforeTheFirstWrite() throws Exception {
        String id = api.seed(parse(simple("Backed Up", "old")));
        write(workflows, "b.json", simple("Backed Up", "new"));
        Path backup = output.resolve("backup/acme.example/20261204-163000/Backed Up.json");
        List<Boolean> existedAtWrite = new java.util.ArrayList<>();
        api.beforeWrite(call -> existedAtWrite.add(Files.exists(backup)));

        DeployResult result = deploy(options());

        assertEquals(List.of(true), existedAtWrite);
        JsonObject saved = JsonParser.parseString(Files.readString(backup)).getAsJsonObject();
        assertEquals(id, saved.get("id").getAsString());
        assertEquals("old", saved.get("description").getAsString());
        assertEquals(backup, result.outcomes().get(0).backup());
    }

    @Test
    void backupFolderRestoresTheTenantVersion() throws Exception {
        api.seed(parse(simple("Restore Me", "good")));
        write(workflows, "r.json", simple("Restore Me", "bad"));
        deploy(options());
        Path backupFolder = output.resolve("backup/acme.example/20261204-163000");

        List<io.github.iscworkflows.workflow.WorkflowSource> sources = load(backupFolder);
        DeployResult restore = new Deployer(
                        api,
                        options().withClock(Clock.fixed(Instant.parse("2026-12-04T17:00:00Z"), ZoneOffset.UTC)),
                        log)
                .deploy(sources);

        assertEquals(Result.UPDATED, restore.outcomes().get(0).result());
        assertEquals("good", api.stored("wf-0001").get("description").getAsString());
    }

    @Test
    void backupsOfTwoRunsInOneSecondStaySeparate() throws Exception {
        api.seed(parse(simple("Twice Changed", "first")));
        write(workflows, "t.json", simple("Twice Changed", "second"));
        DeployResult first = deploy(options());
        write(workflows, "t.json", simple("Twice Changed", "third"));

        DeployResult second = deploy(options());

        Path firstBackup = output.resolve("backup/acme.example/20261204-163000/Twice Changed.json");
        Path secondBackup = output.resolve("backup/acme.example/20261204-163000-2/Twice Changed.json");
        assertEquals(firstBackup, first.outcomes().get(0).backup());
        assertEquals(secondBackup, second.outcomes().get(0).backup());
        assertTrue(Files.readString(firstBackup).contains("\"description\": \"first\""));
        assertTrue(Files.readString(secondBackup).contains("\"description\": \"second\""));
    }

    @Test
    void partialFailureReportsItAndRerunFinishesTheJob() throws Exception {
        write(workflows, "a.json", simple("Alpha", "a"));
        write(workflows, "b.json", simple("Beta", "b"));
        write(workflows, "c.json", simple("Gamma", "c"));
        api.failWhen(call -> call.method().equals("POST") && call.body().contains("\"Beta\"")
                ? new io.github.iscworkflows.client.IscException("POST /workflows: 503 Service Unavailable", 503)
                : null);

        DeployResult first = deploy(options());

        assertEquals(
                List.of(Result.CREATED, Result.FAILED, Result.CREATED),
                first.outcomes().stream().map(WorkflowOutcome::result).toList());
        assertEquals(
                "create failed: POST /workflows: 503 Service Unavailable",
                first.outcomes().get(1).error());
        assertEquals(FailureKind.TRANSPORT, first.outcomes().get(1).failure());
        assertFalse(first.hasContentFailure());
        JsonObject report =
                JsonParser.parseString(Files.readString(first.report())).getAsJsonObject();
        assertEquals(1, report.getAsJsonObject("totals").get("failed").getAsInt());
        assertTrue(log.text()
                .contains("1 workflow(s) failed:\n  'Beta' (b.json): create failed: POST /workflows:"
                        + " 503 Service Unavailable"));

        api.failWhen(call -> null);
        api.clearCalls();
        DeployResult second = deploy(options());

        assertEquals(
                List.of(Result.UNCHANGED, Result.CREATED, Result.UNCHANGED),
                second.outcomes().stream().map(WorkflowOutcome::result).toList());
        assertEquals(List.of("POST /workflows"), describe(api.writes()));
        assertEquals(3, api.storedWorkflows().size());
    }

    @Test
    void unexpectedErrorFailsOnlyThatWorkflow() throws Exception {
        write(workflows, "a.json", simple("Alpha", "a"));
        write(workflows, "b.json", simple("Beta", "b"));
        api.beforeWrite(call -> {
            if (call.body().contains("\"Alpha\"")) {
                throw new IllegalStateException("broken response");
            }
        });

        DeployResult result = deploy(options());

        assertEquals(
                "unexpected error: java.lang.IllegalStateException: broken response",
                result.outcomes().get(0).error());
        assertEquals(Result.CREATED, result.outcomes().get(1).result());
    }

    @Test
    void clientErrorIsAContentFailure() throws Exception {
        write(workflows, "a.json", simple("Alpha", "a"));
        api.failWhen(call -> call.method().equals("POST")
                ? new io.github.iscworkflows.client.IscException("POST /workflows: 400 bad step", 400)
                : null);

        DeployResult result = deploy(options());

        assertTrue(result.hasContentFailure());
        assertEquals(FailureKind.CONTENT, result.outcomes().get(0).failure());
    }

    @Test
    void failedListingStopsBeforeAnyCreate() throws Exception {
        write(workflows, "a.json", simple("Alpha", "a"));
        api.failWhen(call -> call.path().equals("/workflows") && call.method().equals("GET")
                ? new io.github.iscworkflows.client.IscException("GET /workflows: 500 Internal Server Error", 500)
                : null);

        assertThrows(io.github.iscworkflows.client.IscException.class, () -> deploy(options()));

        assertEquals(List.of(), api.writes());
    }

    @Test
    void listedWorkflowWithoutIdBlocksOnlyItsName() throws Exception {
        api.seedWithoutId(parse(simple("Ghost", "listed without id")));
        write(workflows, "ghost.json", simple("Ghost", "local"));
        write(workflows, "other.json", simple("Other", "local"));

        DeployResult result = deploy(options());

        assertEquals(Result.FAILED, result.outcomes().get(0).result());
        assertEquals(
                "the tenant listed a workflow named 'Ghost' without an id, so deploy can neither update it nor create"
                        + " a second one with that name. Check the workflow in the ISC UI and run isc:deploy again.",
                result.outcomes().get(0).error());
        assertEquals(Result.CREATED, result.outcomes().get(1).result());
        assertTrue(
                log.lines()
                        .contains("[warn] The tenant listed a workflow without an id (name Ghost); deploy cannot"
                                + " update, prune or replace it."),
                log.text());
    }

    @Test
    void reportHasTheStableFieldsPerWorkflow() throws Exception {
        write(
                workflows,
                "a.json",
                simple("Alpha", "a").replace("\"name\": \"Alpha\",", "\"name\": \"Alpha\", \"enabled\": true,"));

        DeployResult result = deploy(options());

        JsonObject report =
                JsonParser.parseString(Files.readString(result.report())).getAsJsonObject();
        JsonObject entry = report.getAsJsonArray("workflows").get(0).getAsJsonObject();
        assertEquals("Alpha", entry.get("name").getAsString());
        assertEquals("a.json", entry.get("file").getAsString());
        assertEquals("wf-0001", entry.get("id").getAsString());
        assertEquals("created", entry.get("action").getAsString());
        assertTrue(entry.get("enabledInSource").getAsBoolean());
        assertEquals("create", entry.getAsJsonObject("plan").get("action").getAsString());
        assertTrue(entry.get("error").isJsonNull());
        assertTrue(entry.has("durationMs"));
        assertEquals(2, report.get("requestCount").getAsInt());
        assertEquals(1, report.getAsJsonObject("totals").get("created").getAsInt());
        assertEquals(output.resolve(DeployReport.REPORT_FILE), result.report());
    }

    @Test
    void ownerSettingFillsWorkflowsWithoutOwner() throws Exception {
        api.addIdentity("id-42", "jane.doe");
        JsonObject local = parse(simple("Ownerless", "x"));
        local.remove("owner");
        write(workflows, "o.json", local.toString());

        deploy(options().withOwner("${identity:jane.doe}"));

        JsonObject body = parse(api.writes().get(0).body());
        assertEquals(
                parse("{\"type\":\"IDENTITY\",\"id\":\"id-42\",\"name\":\"jane.doe\"}"), body.getAsJsonObject("owner"));
    }

    @Test
    void ownerSettingWithoutBracesFindsTheIdentity() throws Exception {
        api.addIdentity("id-42", "jane.doe");
        JsonObject local = parse(simple("Ownerless", "x"));
        local.remove("owner");
        write(workflows, "o.json", local.toString());

        deploy(options().withOwner("identity:jane.doe"));

        JsonObject body = parse(api.writes().get(0).body());
        assertEquals("id-42", body.getAsJsonObject("owner").get("id").getAsString());
    }

    @Test
    void unknownOwnerIdFailsThePlan() throws Exception {
        JsonObject local = parse(simple("Ownerless", "x"));
        local.remove("owner");
        write(workflows, "o.json", local.toString());

        PlanException e =
                assertThrows(PlanException.class, () -> deploy(options().withOwner("no-such-id")));

        assertEquals(
                "The deploy plan has 1 problem(s):\n"
                        + "  <owner>:1:1: error owner owner no-such-id: no identity has the id no-such-id on this"
                        + " tenant. Set <owner> (-Disc.owner) to an identity id or identity:NAME.\n"
                        + "Nothing was written to the tenant.",
                e.getMessage());
    }

    @Test
    void parallelDeployCreatesEveryWorkflowOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            write(workflows, "w" + i + ".json", simple("Workflow " + i, "d" + i));
        }

        DeployResult result = deploy(options().withParallelism(8));

        assertEquals(30, result.totals().get(Result.CREATED));
        assertEquals(30, api.storedWorkflows().size());
        assertEquals(
                30,
                api.storedWorkflows().stream()
                        .map(w -> w.get("name").getAsString())
                        .distinct()
                        .count());
        assertNull(result.outcomes().get(0).error());
    }

    static List<String> describe(List<FakeIscApi.Call> calls) {
        return calls.stream().map(c -> c.method() + " " + c.path()).toList();
    }
}
