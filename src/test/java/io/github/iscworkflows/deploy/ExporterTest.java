package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.withCredentials;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.deploy.Exporter.ExportedWorkflow;
import io.github.iscworkflows.deploy.Exporter.Status;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.CredentialReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    @TempDir
    Path temp;

    private Path folder;
    private FakeIscApi api;
    private RecordingLog log;

    @BeforeEach
    void setUp() {
        folder = temp.resolve("workflows");
        api = new FakeIscApi();
        log = new RecordingLog();
    }

    private List<ExportedWorkflow> export(List<String> patterns, boolean placeholders) throws Exception {
        return new Exporter(api, log).export(folder, patterns, placeholders);
    }

    @Test
    void exportWritesSortedStableFilesWithoutTenantFields() throws Exception {
        JsonObject remote = parse(withCredentials("Zeta: A/B", "param-1", ", \"refID\": \"live\""));
        remote.addProperty("enabled", true);
        remote.addProperty("modifiedBy", "someone");
        api.seed(remote);

        List<ExportedWorkflow> exported = export(List.of(), false);

        Path file = folder.resolve("Zeta_ A_B.json");
        assertEquals(List.of(new ExportedWorkflow("Zeta: A/B", "wf-0001", file, Status.WRITTEN)), exported);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"definition\": {\n    \"start\": \"Call API\",\n"), text);
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.contains("refID"));
        assertFalse(text.contains("modifiedBy"));
        assertFalse(text.contains("\"id\": \"wf-0001\""));
        assertTrue(text.contains("\"enabled\": true,"));
    }

    @Test
    void numbersAndBooleansKeepTheirTypeAndSpelling() throws Exception {
        api.seed(parse("""
                {"name": "Types", "definition": {"start": "C", "steps": {"C": {"type": "choice", "versionNumber": 2,
                  "choiceList": [{"variableB": true, "variableC": "true", "limit": 250, "ratio": 1.50, "big": 1e3}]}}},
                  "trigger": {"type": "EXTERNAL", "attributes": {"limit": 250}}}
                """));

        export(List.of(), false);

        String text = Files.readString(folder.resolve("Types.json"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"versionNumber\": 2\n"), text);
        assertTrue(text.contains("\"variableB\": true,"), text);
        assertTrue(text.contains("\"variableC\": \"true\""), text);
        assertTrue(text.contains("\"limit\": 250,"), text);
        assertTrue(text.contains("\"ratio\": 1.50,"), text);
        assertTrue(text.contains("\"big\": 1e3,"), text);
    }

    @Test
    void exportThenDeployToTheSameTenantIsUnchanged() throws Exception {
        api.seed(parse(withCredentials("With Creds", "param-1", ", \"refID\": \"live\"")));
        api.seed(parse(simple("Plain", "p")));
        export(List.of(), false);
        api.clearCalls();

        DeployResult result = new Deployer(api, DeployOptions.defaults("acme.example", temp.resolve("out")), log)
                .deploy(load(folder));

        assertEquals(2, result.totals().get(Result.UNCHANGED));
        assertEquals(List.of(), api.writes());
    }

    @Test
    void patternsSelectWorkflowsAndUnmatchedOnesAreReported() throws Exception {
        api.seed(parse(simple("Team A One", "1")));
        api.seed(parse(simple("Team B Two", "2")));

        List<ExportedWorkflow> exported = export(List.of("Team A *", "Nothing*"), false);

        assertEquals(
                List.of("Team A One"),
                exported.stream().map(ExportedWorkflow::name).toList());
        assertTrue(log.lines().contains("[warn] No workflow on the tenant matches 'Nothing*' in <exportWorkflows>."));
    }

    @Test
    void placeholdersReplaceIdsWhoseNameIsUnique() throws Exception {
        api.addIdentity("owner-1", "owner.one");
        api.addParameter("param-1", "API Client");
        api.seed(parse(withCredentials("Portable", "param-1", "")));

        export(List.of(), true);

        JsonObject exported = parse(Files.readString(folder.resolve("Portable.json")));
        assertEquals(
                "${identity:owner.one}",
                exported.getAsJsonObject("owner").get("id").getAsString());
        for (CredentialReference credential : CredentialReference.findAll(exported)) {
            assertEquals("${parameter:API Client}", credential.paramId());
        }
    }

    @Test
    void placeholderExportDeploysBackUnchanged() throws Exception {
        api.addIdentity("owner-1", "owner.one");
        api.addParameter("param-1", "API Client");
        api.seed(parse(withCredentials("Portable", "param-1", "")));
        export(List.of(), true);
        api.clearCalls();

        DeployResult result = new Deployer(api, DeployOptions.defaults("acme.example", temp.resolve("out")), log)
                .deploy(load(folder));

        assertEquals(Result.UNCHANGED, result.outcomes().get(0).result());
    }

    @Test
    void idWhoseNameIsSharedStays() throws Exception {
        api.addIdentity("owner-1", "shared.name");
        api.addIdentity("owner-2", "shared.name");
        api.seed(parse(simple("Shared Owner", "x")));

        export(List.of(), true);

        JsonObject exported = parse(Files.readString(folder.resolve("Shared Owner.json")));
        assertEquals("owner-1", exported.getAsJsonObject("owner").get("id").getAsString());
        assertTrue(
                log.lines()
                        .contains("[info] Kept the id owner-1 in 'Shared Owner' owner.id instead of a placeholder:"
                                + " looking the identity up by name would not find it again: 2 identities are named"
                                + " \"shared.name\": ids owner-1, owner-2. Write the identity's id instead."),
                log.text());
    }

    @Test
    void idsThatFindNoObjectStayAndAreLogged() throws Exception {
        api.seed(parse(withCredentials("Unknown Ids", "param-9", "")));

        export(List.of(), true);

        JsonObject exported = parse(Files.readString(folder.resolve("Unknown Ids.json")));
        assertEquals("owner-1", exported.getAsJsonObject("owner").get("id").getAsString());
        assertTrue(
                log.lines()
                        .contains("[info] Kept the id owner-1 in 'Unknown Ids' owner.id instead of a placeholder: no"
                                + " identity has the id owner-1 on this tenant."),
                log.text());
        assertTrue(
                log.lines()
                        .contains("[info] Kept the id param-9 in 'Unknown Ids' step 'Call API' param_oauth.paramID"
                                + " instead of a placeholder: no Parameter Storage parameter has the id param-9."),
                log.text());
    }

    @Test
    void literalPlaceholderTextIsEscaped() throws Exception {
        api.seed(parse(simple("Literal", "costs ${env.HOME} and $${x} but ${displayName} stays")));
        export(List.of(), false);
        api.clearCalls();

        String text = Files.readString(folder.resolve("Literal.json"));
        DeployResult result = new Deployer(api, DeployOptions.defaults("acme.example", temp.resolve("out")), log)
                .deploy(load(folder));

        assertTrue(text.contains("\"costs $${env.HOME} and $$${x} but ${displayName} stays\""), text);
        assertEquals(Result.UNCHANGED, result.outcomes().get(0).result());
    }

    @Test
    void existingPlainFileIsRewrittenInPlace() throws Exception {
        api.seed(parse(simple("Kept Name", "new text")));
        write(folder, "custom/my-file.json", simple("Kept Name", "old text"));

        List<ExportedWorkflow> exported = export(List.of(), false);

        assertEquals(folder.resolve("custom/my-file.json"), exported.get(0).file());
        assertTrue(Files.readString(folder.resolve("custom/my-file.json")).contains("new text"));
        assertFalse(Files.exists(folder.resolve("Kept Name.json")));
    }

    @Test
    void workflowInsideAWrapperIsSkipped() throws Exception {
        api.seed(parse(simple("Wrapped", "new")));
        write(
                folder,
                "bundle.json",
                "{\"version\": 1, \"self\": {\"type\": \"WORKFLOW\"}, \"object\": " + simple("Wrapped", "old") + "}");

        List<ExportedWorkflow> exported = export(List.of(), false);

        assertEquals(Status.SKIPPED, exported.get(0).status());
        assertTrue(log.lines()
                .contains(
                        "[warn] Skipped 'Wrapped': bundle.json contains it inside a wrapper or SP-Config export, which"
                                + " export does not rewrite. Move it to a file of its own to export it."));
    }

    @Test
    void workflowsSharingANameKeepTheirIds() throws Exception {
        api.seed(parse(simple("Twin", "a")));
        api.seed(parse(simple("Twin", "b")));

        List<ExportedWorkflow> exported = export(List.of(), false);

        assertEquals(
                List.of(folder.resolve("Twin.json"), folder.resolve("Twin-2.json")),
                exported.stream().map(ExportedWorkflow::file).toList());
        assertEquals(
                "wf-0001",
                parse(Files.readString(folder.resolve("Twin.json"))).get("id").getAsString());
        assertEquals(
                "wf-0002",
                parse(Files.readString(folder.resolve("Twin-2.json"))).get("id").getAsString());
    }

    @Test
    void dryRunWritesNoFile() throws Exception {
        api.seed(parse(simple("Pending", "x")));

        List<ExportedWorkflow> exported = new Exporter(api, log, true).export(folder, List.of(), false);

        assertEquals(Status.WOULD_WRITE, exported.get(0).status());
        assertFalse(Files.exists(folder));
        assertTrue(log.lines().contains("[info] Would export 'Pending' (wf-0001) to Pending.json."), log.text());
    }

    @Test
    void secondExportChangesNoFile() throws Exception {
        api.seed(parse(simple("Stable", "x")));
        export(List.of(), false);

        List<ExportedWorkflow> second = export(List.of(), false);

        assertEquals(Status.UNCHANGED, second.get(0).status());
    }
}
