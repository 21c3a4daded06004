package io.github.iscworkflows.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLoaderTest {

    @TempDir
    Path directory;

    private LoadResult load(String name, String content) throws Exception {
        Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        return new WorkflowLoader(directory).load(List.of(), List.of());
    }

    @Test
    void plainWorkflowIsFoundAtRoot() throws Exception {
        LoadResult result = load("a.json", "{\"name\": \"A\", \"definition\": {}}");

        assertEquals(1, result.workflows().size());
        assertEquals("", result.workflows().get(0).pointer());
        assertEquals("A", result.workflows().get(0).name());
    }

    @Test
    void spConfigExportKeepsOnlyWorkflows() throws Exception {
        LoadResult result = load(
                "bundle.json",
                "{\"version\": 1, \"tenant\": \"t\", \"options\": {}, \"objects\": [\n"
                        + " {\"version\": 1, \"self\": {\"type\": \"FORM_DEFINITION\"}, \"object\": {\"name\": \"F\"}},\n"
                        + " {\"version\": 1, \"self\": {\"type\": \"WORKFLOW\"}, \"object\": {\"name\": \"W\"}}]}");

        assertEquals(1, result.workflows().size());
        assertEquals("/objects/1/object", result.workflows().get(0).pointer());
        assertEquals(
                "bundle.json:2:54: info not-a-workflow skipped FORM_DEFINITION 'F': not a workflow.",
                result.problems().get(0).format());
    }

    @Test
    void labelEscapesControlCharactersInName() throws Exception {
        LoadResult result = load("nl.json", "{\"name\": \"First\\nSecond\\u0007\", \"definition\": {}}");

        assertEquals("'First\\nSecond\\u0007'", result.workflows().get(0).label());
    }

    @Test
    void wrapperWithoutSelfIsReadAsWorkflow() throws Exception {
        LoadResult result = load("w.json", "{\"version\": 1, \"object\": {\"name\": \"W\", \"definition\": {}}}");

        assertEquals("/object", result.workflows().get(0).pointer());
    }

    @Test
    void syntaxErrorBecomesProblemWithPosition() throws Exception {
        LoadResult result = load("bad.json", "{\n  \"name\": \"A\",\n}");

        assertEquals(
                "bad.json:3:1: error json-syntax invalid JSON: expected a member name in double quotes but found '}'.",
                result.problems().get(0).format());
        assertTrue(result.hasErrors());
    }

    @Test
    void invalidUtf8IsReported() throws Exception {
        Files.write(directory.resolve("latin1.json"), new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xE9, '"', '}'});

        LoadResult result = new WorkflowLoader(directory).load(List.of(), List.of());

        assertEquals(WorkflowLoader.RULE_ENCODING, result.problems().get(0).ruleId());
    }

    @Test
    void byteOrderMarkIsWarnedAndSkipped() throws Exception {
        LoadResult result = load("bom.json", "\uFEFF{\"name\": \"A\", \"definition\": {}}");

        assertEquals(WorkflowLoader.RULE_BOM, result.problems().get(0).ruleId());
        assertEquals(Severity.WARNING, result.problems().get(0).severity());
        assertEquals(1, result.workflows().size());
    }

    @Test
    void emptyFileAndScalarTopLevelAreErrors() throws Exception {
        Files.writeString(directory.resolve("empty.json"), "  \n");
        Files.writeString(directory.resolve("scalar.json"), "42");

        LoadResult result = new WorkflowLoader(directory).load(List.of(), List.of());

        assertEquals(WorkflowLoader.RULE_EMPTY, result.problems().get(0).ruleId());
        assertEquals(WorkflowLoader.RULE_NOT_OBJECT, result.problems().get(1).ruleId());
    }

    @Test
    void includesAndExcludesFollowAntRules() throws Exception {
        Files.createDirectories(directory.resolve("sub"));
        Files.writeString(directory.resolve("top.json"), "{\"name\": \"T\", \"definition\": {}}");
        Files.writeString(directory.resolve("sub/inner.json"), "{\"name\": \"I\", \"definition\": {}}");
        Files.writeString(directory.resolve("sub/notes.txt"), "not json");

        List<Path> all = WorkflowFiles.list(directory, List.of(), List.of());
        List<Path> withoutSub = WorkflowFiles.list(directory, List.of(), List.of("sub/**"));

        assertEquals(List.of(directory.resolve("sub/inner.json"), directory.resolve("top.json")), all);
        assertEquals(List.of(directory.resolve("top.json")), withoutSub);
    }
}
