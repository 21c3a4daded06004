package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.withCredentials;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy and export through the real HTTP client against the embedded emulator. */
class EmulatorDeployTest {

    @TempDir
    Path temp;

    private IscEmulator emulator;
    private IscClient client;
    private RecordingLog log;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder()
                .noRateLimit()
                .referenceMode(ReferenceMode.ON_CREATE)
                .build());
        client = new IscClient(
                IscClientConfig.builder(emulator.url(), "emulator", "emulator").build());
        log = new RecordingLog();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private DeployResult deploy(List<WorkflowSource> sources, DeployOptions options) throws Exception {
        return new Deployer(client, options, log).deploy(sources);
    }

    private DeployOptions options() {
        return DeployOptions.defaults("127.0.0.1", temp.resolve("out"));
    }

    /** Requests per "METHOD /path" other than GET. */
    private Map<String, Long> writes() {
        Map<String, Long> writes = new TreeMap<>();
        emulator.stats().counts().forEach((key, count) -> {
            if (!key.startsWith("GET ") && !key.startsWith("POST /oauth")) {
                writes.put(key, count);
            }
        });
        return writes;
    }

    @Test
    void corpusDeploysAndRedeploysWithoutWrites() throws Exception {
        List<WorkflowSource> corpus = CorpusRoundTripTest.corpusWorkflows();
        // Two corpus files hold the same workflow; one deploy takes each name once.
        List<WorkflowSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (WorkflowSource source : corpus) {
            if (names.add(source.name())) {
                sources.add(source);
            }
        }

        DeployResult first = deploy(sources, options());

        assertEquals(sources.size(), first.totals().get(Result.CREATED), log.text());
        assertEquals(Map.of("POST /workflows", (long) sources.size()), writes());

        emulator.stats().reset();
        DeployResult second = deploy(sources, options());

        assertEquals(sources.size(), second.totals().get(Result.UNCHANGED), log.text());
        assertEquals(Map.of(), writes());
        assertEquals(Map.of("GET /workflows", 1L), emulator.stats().counts());
    }

    @Test
    void exportOfTheCorpusDeploysBackUnchanged() throws Exception {
        List<WorkflowSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (WorkflowSource source : CorpusRoundTripTest.corpusWorkflows()) {
            if (names.add(source.name())) {
                sources.add(source);
            }
        }
        deploy(sources, options());
        Path exported = temp.resolve("exported");

        new Exporter(client, log).export(exported, List.of(), false);
        emulator.stats().reset();
        DeployResult again = deploy(load(exported), options());

        assertEquals(sources.size(), again.totals().get(Result.UNCHANGED), log.text());
        assertEquals(Map.of(), writes());
    }

    @Test
    void dryRunSendsNoWrite() throws Exception {
        Path folder = temp.resolve("workflows");
        write(folder, "a.json", simple("Alpha", "a"));
        emulator.state().putWorkflow(parse(simple("Beta", "b")));
        write(folder, "b.json", simple("Beta", "changed"));

        DeployResult result = deploy(load(folder), options().withDryRun(true));

        assertEquals(
                List.of(PlanAction.CREATE, PlanAction.UPDATE),
                result.plan().stream().map(PlannedWorkflow::action).toList());
        assertEquals(Map.of(), writes());
    }

    @Test
    void enabledWorkflowIsDisabledUpdatedAndEnabledAgain() throws Exception {
        JsonObject remote = parse(simple("Live", "old"));
        remote.addProperty("enabled", true);
        String id = emulator.state().putWorkflow(remote).get("id").getAsString();
        Path folder = temp.resolve("workflows");
        write(folder, "live.json", simple("Live", "new"));

        DeployResult result = deploy(load(folder), options());

        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        assertEquals(Map.of("PATCH /workflows/{id}", 2L, "PUT /workflows/{id}", 1L), writes());
        JsonObject stored = emulator.state().workflow(id).orElseThrow();
        assertTrue(stored.get("enabled").getAsBoolean());
        assertEquals("new", stored.get("description").getAsString());
    }

    @Test
    void refIdsCreatedByTheTenantSurviveAnUpdate() throws Exception {
        String paramId =
                emulator.state().addParameter("API Client", "secret").get("id").getAsString();
        Path folder = temp.resolve("workflows");
        write(folder, "creds.json", withCredentials("Creds", paramId, ""));
        String id = deploy(load(folder), options()).outcomes().get(0).id();
        Map<String, String> minted = refIds(emulator.state().workflow(id).orElseThrow());
        assertEquals(Set.of("Call API", "Loop > Inner Call"), minted.keySet());

        write(folder, "creds.json", withCredentials("Creds", paramId, "").replace("Calls an API", "Calls it"));
        DeployResult update = deploy(load(folder), options());

        assertEquals(Result.UPDATED, update.outcomes().get(0).result());
        assertEquals(minted, refIds(emulator.state().workflow(id).orElseThrow()));
        assertEquals(minted.size(), emulator.state().references().size());
    }

    @Test
    void refIdsFromTheUiToggleSurviveAnUpdate() throws Exception {
        emulator.state().mode(ReferenceMode.NEVER);
        String paramId =
                emulator.state().addParameter("API Client", "secret").get("id").getAsString();
        Path folder = temp.resolve("workflows");
        write(folder, "creds.json", withCredentials("Creds", paramId, ""));
        String id = deploy(load(folder), options()).outcomes().get(0).id();
        assertEquals(
                Map.of("Call API", "null", "Loop > Inner Call", "null"),
                withNulls(refIds(emulator.state().workflow(id).orElseThrow())));
        emulator.state().uiToggle(id);
        Map<String, String> toggled = refIds(emulator.state().workflow(id).orElseThrow());

        write(folder, "creds.json", withCredentials("Creds", paramId, "").replace("Calls an API", "Calls it"));
        DeployResult update = deploy(load(folder), options());

        assertEquals(Result.UPDATED, update.outcomes().get(0).result());
        assertEquals(toggled, refIds(emulator.state().workflow(id).orElseThrow()));
        Set<String> recorded = new HashSet<>();
        for (JsonObject reference : emulator.state().references()) {
            recorded.add(reference.get("id").getAsString());
        }
        assertEquals(Set.copyOf(toggled.values()), recorded);
    }

    private static Map<String, String> withNulls(Map<String, String> refIds) {
        Map<String, String> copy = new TreeMap<>();
        refIds.forEach((step, refId) -> copy.put(step, String.valueOf(refId)));
        return copy;
    }

    private static Map<String, String> refIds(JsonObject workflow) {
        Map<String, String> refIds = new TreeMap<>();
        for (CredentialReference credential : CredentialReference.findAll(workflow)) {
            refIds.put(credential.stepPath(), credential.refId());
        }
        return refIds;
    }

    @Test
    void defaultOwnerOfTheEmulatorExportsAsAPlaceholderAndDeploysBack() throws Exception {
        Path folder = temp.resolve("workflows");
        String text = simple("Owned By Client", "x")
                .replace("\"owner\": {\"type\": \"IDENTITY\", \"id\": \"owner-1\", \"name\": \"Owner One\"},\n", "");
        write(folder, "owned.json", text);
        deploy(load(folder), options());
        emulator.state().replace(emulator.state().snapshot());

        new Exporter(client, log).export(folder, List.of(), true);
        JsonObject exported = parse(java.nio.file.Files.readString(folder.resolve("owned.json")));
        DeployResult again = deploy(load(folder), options());

        assertEquals(
                "${identity:Emulator Client}",
                exported.getAsJsonObject("owner").get("id").getAsString());
        assertEquals(Result.UNCHANGED, again.outcomes().get(0).result());
    }
}
