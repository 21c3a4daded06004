package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.client.IscException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowSelectorTest {

    @TempDir
    Path dir;

    private final FakeIscApi api = new FakeIscApi();

    private Selection select(List<String> names) throws Exception {
        Path workflows = dir.resolve("workflows");
        return new WorkflowSelector(api)
                .select(new WorkflowSelector.Request(
                        names, dir.resolve("deploy-report.json"), workflows, List.of(), List.of()));
    }

    @Test
    void reportEntriesAreSelectedAndFailedOnesRejected() throws Exception {
        Files.writeString(dir.resolve("deploy-report.json"), """
                {"tenant": "x", "workflows": [
                  {"name": "A", "file": "a.json", "id": "wf-a", "action": "created", "enabledInSource": true,
                   "extra": {"nested": 1}},
                  {"name": "B", "file": "b.json", "id": "wf-b", "action": "unchanged", "enabledInSource": false},
                  {"name": "C", "file": "c.json", "action": "failed", "message": "400"},
                  {"name": "D", "id": "wf-d", "action": "pruned"},
                  {"name": "E", "id": "wf-e", "action": "updated"}
                ]}
                """);

        Selection selection = select(List.of());

        assertEquals(
                List.of(
                        new SelectedWorkflow("A", "wf-a", "a.json", true),
                        new SelectedWorkflow("B", "wf-b", "b.json", false),
                        new SelectedWorkflow("E", "wf-e", null, null)),
                selection.workflows());
        assertEquals(
                List.of("Workflow 'C' did not deploy: the deploy report says 'failed', so its credential references"
                        + " cannot be confirmed. Fix the cause that isc:deploy reported and run it again, or name the"
                        + " workflows to check with <workflows> (-Disc.workflows=NAME,...)."),
                selection.errors());
        assertEquals(List.of("Workflow 'D' was left out: the deploy report says 'pruned'."), selection.warnings());
        assertEquals(List.of(), api.calls);
    }

    @Test
    void malformedReportNamesTheFix() throws IOException {
        Files.writeString(dir.resolve("deploy-report.json"), "{\"workflows\": [");

        SelectionException thrown = assertThrows(SelectionException.class, () -> select(List.of()));

        assertTrue(
                thrown.getMessage()
                        .startsWith("The deploy report " + dir.resolve("deploy-report.json") + " is not valid JSON ("),
                thrown.getMessage());
        assertTrue(thrown.getMessage()
                .endsWith("). Delete it and run isc:deploy again, or name the workflows with <workflows>"
                        + " (-Disc.workflows=NAME,...)."));
    }

    @Test
    void namesWinOverTheReport() throws Exception {
        Files.writeString(dir.resolve("deploy-report.json"), "{\"workflows\": []}");
        api.addWorkflow("wf-1", "Notify", false, "p", null);

        Selection selection = select(List.of("Notify"));

        assertEquals(List.of(new SelectedWorkflow("Notify", "wf-1", null, null)), selection.workflows());
        assertEquals(List.of("findWorkflowsByName Notify"), api.calls);
    }

    @Test
    void patternsMatchRemoteNames() throws Exception {
        api.addWorkflow("wf-1", "HR - Joiner", false, "p", null);
        api.addWorkflow("wf-2", "HR - Leaver", false, "p", null);
        api.addWorkflow("wf-3", "Finance (v2)", false, "p", null);

        Selection selection = select(List.of("HR - *", "Finance (v?)", "HR - Joiner"));

        assertEquals(
                List.of("wf-1", "wf-2", "wf-3"),
                selection.workflows().stream().map(SelectedWorkflow::id).toList());
        assertEquals(1, api.count("listWorkflows"));
    }

    @Test
    void unknownNameAndEmptyPatternAreErrors() throws Exception {
        api.addWorkflow("wf-1", "Notify", false, "p", null);

        Selection selection = select(List.of("notify", "Zeta*"));

        assertEquals(
                List.of(
                        "No workflow on the tenant is named 'notify'. Check <workflows> (-Disc.workflows); names are"
                                + " case-sensitive.",
                        "No workflow on the tenant matches 'Zeta*'. Check <workflows> (-Disc.workflows); names are"
                                + " case-sensitive."),
                selection.errors());
    }

    @Test
    void duplicateRemoteNameIsAnError() throws Exception {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        api.addWorkflow("wf-2", "Notify", false, "p", null);

        Selection selection = select(List.of("Notify"));

        assertEquals(
                List.of("The tenant has 2 workflows named 'Notify' (ids wf-1, wf-2). Rename or delete the extra ones"
                        + " in the ISC UI."),
                selection.errors());
        assertEquals(List.of(), selection.workflows());
    }

    @Test
    void localFilesAreMatchedByName() throws Exception {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(
                workflows.resolve("notify.json"),
                "{\"name\": \"Notify\", \"enabled\": true, \"definition\": {\"start\": \"E\", \"steps\": {}}}");
        Files.writeString(
                workflows.resolve("new.json"), "{\"name\": \"Brand new\", \"definition\": {\"start\": \"E\"}}");
        api.addWorkflow("wf-1", "Notify", false, "p", null);

        Selection selection = select(List.of());

        assertEquals(List.of(new SelectedWorkflow("Notify", "wf-1", "notify.json", true)), selection.workflows());
        assertEquals(
                List.of("Workflow 'Brand new' (new.json) is not on the tenant, so there is nothing to check or enable."
                        + " Run isc:deploy first."),
                selection.warnings());
    }

    @Test
    void globBecomesAnchoredRegex() throws IscException {
        assertTrue(WorkflowSelector.globToRegex("a.b*").matcher("a.bcd").matches());
        assertTrue(!WorkflowSelector.globToRegex("a.b*").matcher("axbcd").matches());
        assertTrue(WorkflowSelector.globToRegex("[x]?").matcher("[x]1").matches());
    }
}
