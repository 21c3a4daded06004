package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.DeployerTest.describe;
import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneTest {

    @TempDir
    Path temp;

    private Path workflows;
    private FakeIscApi api;
    private RecordingLog log;
    private String keptId;
    private String staleId;
    private String foreignId;

    @BeforeEach
    void setUp() {
        workflows = temp.resolve("workflows");
        api = new FakeIscApi();
        log = new RecordingLog();
        keptId = api.seed(parse(simple("Team A Kept", "x")));
        JsonObject stale = parse(simple("Team A Stale", "y"));
        stale.addProperty("enabled", true);
        staleId = api.seed(stale);
        foreignId = api.seed(parse(simple("Team B Other", "z")));
        write(workflows, "kept.json", simple("Team A Kept", "x"));
    }

    private DeployOptions options() {
        return DeployOptions.defaults("acme.example", temp.resolve("out"));
    }

    private DeployResult deploy(DeployOptions options) throws Exception {
        return new Deployer(api, options, log).deploy(load(workflows));
    }

    @Test
    void withoutTheFlagNothingIsDeleted() throws Exception {
        DeployResult result = deploy(options().withPrune(false, List.of("Team A *")));

        assertEquals(List.of(), api.writes());
        assertEquals(3, api.storedWorkflows().size());
        assertEquals(1, result.outcomes().size());
        assertTrue(
                log.lines()
                        .contains("[info] 1 workflow(s) on acme.example match <pruneIncludes> and have no local file;"
                                + " they are kept because isc.prune is false. Set -Disc.prune=true to delete them."),
                log.text());
    }

    @Test
    void withTheFlagMatchingWorkflowsAreDisabledThenDeleted() throws Exception {
        DeployResult result = deploy(options().withPrune(true, List.of("Team A *")));

        assertEquals(List.of("PATCH /workflows/" + staleId, "DELETE /workflows/" + staleId), describe(api.writes()));
        assertEquals(
                List.of(keptId, foreignId),
                api.storedWorkflows().stream()
                        .map(w -> w.get("id").getAsString())
                        .toList());
        WorkflowOutcome pruned = result.outcomes().get(1);
        assertEquals(Result.PRUNED, pruned.result());
        assertEquals("Team A Stale", pruned.plan().name());
        assertTrue(Files.exists(pruned.backup()));
        assertEquals(1, result.totals().get(Result.PRUNED));
    }

    @Test
    void dryRunShowsWhatWouldBePruned() throws Exception {
        DeployResult result =
                deploy(options().withPrune(true, List.of("Team A *")).withDryRun(true));

        assertEquals(List.of(), api.writes());
        assertEquals(PlanAction.PRUNE, result.plan().get(1).action());
        assertTrue(
                log.lines()
                        .contains(
                                "[info]   prune     'Team A Stale' (id " + staleId + "): enabled, so disable, delete"),
                log.text());
    }

    @Test
    void pruneWithoutPatternsIsRejected() {
        PlanException e =
                assertThrows(PlanException.class, () -> deploy(options().withPrune(true, List.of())));

        assertEquals(
                "isc.prune is true but <pruneIncludes> is empty, so deploy cannot tell which tenant workflows it may"
                        + " delete. List name patterns in <pruneIncludes> (-Disc.pruneIncludes=\"Team A *\"), or set"
                        + " isc.prune to false.",
                e.getMessage());
        assertEquals(List.of(), api.calls());
    }

    @Test
    void pruneWithoutLocalWorkflowsIsRejected() {
        PlanException e = assertThrows(
                PlanException.class,
                () -> new Deployer(api, options().withPrune(true, List.of("*")), log).deploy(List.of()));

        assertEquals(
                "isc.prune is true but no local workflow was read, so every tenant workflow matching"
                        + " <pruneIncludes> would be deleted. Check <workflowsDirectory> (-Disc.workflowsDirectory),"
                        + " <includes> and <excludes>; to empty a tenant on purpose, delete the workflows in ISC.",
                e.getMessage());
        assertEquals(List.of(), api.calls());
        assertEquals(3, api.storedWorkflows().size());
    }

    @Test
    void workflowMatchedByIdIsNotPrunedUnderItsOldName() throws Exception {
        JsonObject renamed = parse(simple("Team A Renamed", "y"));
        renamed.addProperty("id", staleId);
        write(workflows, "renamed.json", renamed.toString());

        DeployResult result = deploy(options().withPrune(true, List.of("Team A *")));

        assertEquals(
                List.of("PATCH /workflows/" + staleId, "PUT /workflows/" + staleId, "PATCH /workflows/" + staleId),
                describe(api.writes()));
        assertEquals(0, result.totals().get(Result.PRUNED));
    }
}
