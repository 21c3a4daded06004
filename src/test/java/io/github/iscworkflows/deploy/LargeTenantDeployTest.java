package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.WorkflowOutcome.FailureKind;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.Fault;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy to an emulated tenant whose workflow listing fails beyond offset 2,000, as large ISC tenants do. */
class LargeTenantDeployTest {

    private static final int CEILING = 2_000;
    private static final int SEEDED = 2_100;

    @TempDir
    Path temp;

    private IscEmulator emulator;
    private IscClient client;
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    /** Starts an emulator with {@code maxOffset} and 2,100 workflows; "Target" is the 2,051st. */
    private String seed(int maxOffset) throws Exception {
        emulator = IscEmulator.start(
                EmulatorOptions.builder().noRateLimit().maxOffset(maxOffset).build());
        client = new IscClient(IscClientConfig.builder(emulator.url(), "emulator", "emulator")
                .maxRetries(0)
                .build());
        String targetId = null;
        for (int i = 0; i < SEEDED; i++) {
            String name = i == 2_050 ? "Target" : "Bulk " + i;
            JsonObject stored = emulator.state().putWorkflow(parse(simple(name, "old")));
            if (i == 2_050) {
                targetId = stored.get("id").getAsString();
            }
        }
        return targetId;
    }

    private DeployResult deploy(List<WorkflowSource> sources, DeployOptions options) throws Exception {
        return new Deployer(client, options, log).deploy(sources);
    }

    private DeployOptions options() {
        return DeployOptions.defaults("127.0.0.1", temp.resolve("out"));
    }

    private long workflowsNamed(String name) {
        return emulator.state().workflows().stream()
                .filter(w -> name.equals(w.get("name").getAsString()))
                .count();
    }

    private String warning() {
        return log.lines().stream()
                .filter(line -> line.startsWith("[warn] Listing the workflows"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no listing warning in:\n" + log.text()));
    }

    @Test
    void workflowBeyondCeilingIsUpdated() throws Exception {
        String targetId = seed(CEILING);
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));

        DeployResult result = deploy(load(folder), options());

        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        assertEquals(targetId, result.outcomes().get(0).id());
        assertEquals(1, workflowsNamed("Target"));
        assertEquals(0, emulator.stats().count("POST /workflows"));
        assertEquals(
                "new",
                emulator.state()
                        .workflow(targetId)
                        .orElseThrow()
                        .get("description")
                        .getAsString());
        String warning = warning();
        assertTrue(
                warning.startsWith("[warn] Listing the workflows of 127.0.0.1 failed at offset 2000 (GET "), warning);
        assertTrue(warning.contains("Invalid offset 2000: the offset is too large"), warning);
        assertTrue(
                warning.endsWith("), so deploy matched the 1 local workflow(s) by name instead (1 lookups)."), warning);
    }

    @Test
    void fileIdBeyondCeilingMatchesRenamedWorkflow() throws Exception {
        String targetId = seed(CEILING);
        Path folder = temp.resolve("workflows");
        JsonObject renamed = parse(simple("Target renamed", "old"));
        renamed.addProperty("id", targetId);
        write(folder, "target.json", renamed.toString());

        DeployResult result = deploy(load(folder), options());

        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        assertEquals(0, workflowsNamed("Target"));
        assertEquals(1, workflowsNamed("Target renamed"));
        assertEquals(0, emulator.stats().count("POST /workflows"));
    }

    @Test
    void absentWorkflowIsCreatedOnce() throws Exception {
        seed(CEILING);
        Path folder = temp.resolve("workflows");
        write(folder, "fresh.json", simple("Fresh", "new"));

        DeployResult result = deploy(load(folder), options());

        assertEquals(Result.CREATED, result.outcomes().get(0).result());
        assertEquals(1, workflowsNamed("Fresh"));
        assertEquals(1, emulator.stats().count("POST /workflows"));
    }

    @Test
    void failedLookupFailsOnlyThatWorkflow() throws Exception {
        seed(CEILING);
        Path folder = temp.resolve("workflows");
        write(folder, "a-missing.json", simple("Missing", "new"));
        write(folder, "b-fresh.json", simple("Fresh", "new"));
        emulator.faults().add(Fault.status("/workflows", 500).method("GET").query("filters=name eq"));

        DeployResult result = deploy(load(folder), options());

        WorkflowOutcome missing = result.outcomes().get(0);
        assertEquals("Missing", missing.plan().name());
        assertEquals(Result.FAILED, missing.result());
        assertEquals(FailureKind.TRANSPORT, missing.failure());
        assertTrue(missing.error().startsWith("looking the workflow up on the tenant failed (GET "), missing.error());
        assertTrue(
                missing.error().endsWith("), so deploy neither updates nor creates it. Run isc:deploy again."),
                missing.error());
        assertEquals(Result.CREATED, result.outcomes().get(1).result());
        assertEquals(0, workflowsNamed("Missing"));
        assertEquals(1, emulator.stats().count("POST /workflows"));
    }

    @Test
    void pruneFailsButLocalWorkflowsDeploy() throws Exception {
        seed(CEILING);
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));

        DeployResult result = deploy(load(folder), options().withPrune(true, List.of("Bulk *")));

        assertEquals(2, result.outcomes().size());
        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        WorkflowOutcome prune = result.outcomes().get(1);
        assertEquals(Result.FAILED, prune.result());
        assertEquals(PlanAction.UNRESOLVED, prune.plan().action());
        assertNull(prune.plan().source());
        assertTrue(
                prune.error()
                        .startsWith("prune needs the full listing of the tenant's workflows, but it failed at offset"
                                + " 2000 (GET "),
                prune.error());
        assertTrue(
                prune.error()
                        .endsWith("). No workflow was pruned; the local workflows were deployed by name. Set"
                                + " -Disc.prune=false (or <prune>false</prune>) to deploy without pruning on this"
                                + " tenant."),
                prune.error());
        assertEquals(0, emulator.stats().count("DELETE /workflows/{id}"));
        assertEquals(SEEDED, emulator.state().workflows().size());
    }

    @Test
    void dryRunShowsUnresolvedPrune() throws Exception {
        seed(CEILING);
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));

        DeployResult result = deploy(load(folder), options().withDryRun(true).withPrune(true, List.of("Bulk *")));

        assertEquals(PlanAction.UPDATE, result.plan().get(0).action());
        assertEquals(PlanAction.UNRESOLVED, result.plan().get(1).action());
        assertTrue(
                log.lines()
                        .contains("[info] Plan for 127.0.0.1: 0 create, 1 update, 0 unchanged, 0 conflict,"
                                + " 1 unresolved, 0 prune."),
                log.text());
        assertEquals(0, emulator.stats().count("PUT /workflows/{id}"));
        assertEquals(0, emulator.stats().count("DELETE /workflows/{id}"));
    }

    @Test
    void serverErrorInListingStillStopsDeploy() throws Exception {
        seed(0);
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));
        emulator.faults().add(Fault.status("/workflows", 503).method("GET").query("offset=2000"));

        IscException failure = assertThrows(IscException.class, () -> deploy(load(folder), options()));

        assertEquals(503, failure.status());
        assertEquals(0, emulator.stats().count("PUT /workflows/{id}"));
        assertEquals(0, emulator.stats().count("POST /workflows"));
    }
}
