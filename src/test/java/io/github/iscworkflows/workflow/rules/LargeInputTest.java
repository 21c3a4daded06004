package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.iscworkflows.workflow.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated inputs far larger or deeper than real workflows: validation must end with a clear result
 * instead of a StackOverflowError or OutOfMemoryError.
 */
class LargeInputTest {

    private static final int CHAIN_LENGTH = 20_000;

    @TempDir
    Path folder;

    /** A linear chain s0 -> s1 -> ... -> end; each step after the first reads the first step's output. */
    private static String chain(int length, String lastNext) {
        StringBuilder json = new StringBuilder("{\"name\": \"chain\", \"trigger\": {\"type\": \"EXTERNAL\","
                + " \"attributes\": {}}, \"definition\": {\"start\": \"s0\", \"steps\": {\n");
        for (int i = 0; i < length; i++) {
            String next = i + 1 < length ? "s" + (i + 1) : lastNext;
            json.append("\"s")
                    .append(i)
                    .append("\": {\"type\": \"Mutation\", \"attributes\": {\"variables\": [{\"name\": \"v\","
                            + " \"transforms\": [], \"variableA.$\": \"")
                    .append(i == 0 ? "$.trigger.x" : "$.s0.v")
                    .append("\"}]}, \"nextStep\": \"")
                    .append(next)
                    .append("\"},\n");
        }
        json.append("\"end\": {\"type\": \"success\"}}}}\n");
        return json.toString();
    }

    private List<String> validate(String fileName, String text) throws IOException {
        Files.writeString(folder.resolve(fileName), text, StandardCharsets.UTF_8);

        ValidationReport report = RuleFixturesTest.validate(folder, ValidationOptions.defaults());

        return report.problems().stream().map(Problem::format).toList();
    }

    @Test
    void longChainValidatesClean() throws IOException {
        List<String> lines = validate("chain.json", chain(CHAIN_LENGTH, "end"));

        assertEquals(List.of(), lines);
    }

    @Test
    void longCycleIsReportedOnceWithShortenedPath() throws IOException {
        List<String> lines = validate("cycle.json", chain(CHAIN_LENGTH, "s0"));

        assertEquals(
                List.of(
                        "cycle.json:20001:121: error step-cycle step 's19999' goes back to 's0', closing the cycle"
                                + " s0 -> s1 -> s2 -> ... (19994 more steps) ... -> s19997 -> s19998 -> s19999 -> s0"
                                + " in the definition; ISC workflows run forward only. Repeat work with a loop step"
                                + " (sp:loop:iterator) instead.",
                        "cycle.json:20002:1: warning step-unreachable step 'end' is not reachable from start 's0' in"
                                + " the definition; it never runs. Point a nextStep, choiceList or defaultStep at it,"
                                + " or delete it."),
                lines);
    }

    @Test
    void deepNestingIsSyntaxError() throws IOException {
        String text = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        List<String> lines = validate("deep.json", text);

        assertEquals(
                List.of("deep.json:1:2566: error json-syntax invalid JSON: nesting deeper than 512 levels."), lines);
    }

    @Test
    void loopsNestedToParserLimitValidate() throws IOException {
        // Each loop level costs three JSON levels (steps, the loop step, its attributes), so 120 stay under 512.
        int depth = 120;
        String loopInput = "\"input.$\": \"$.trigger.items\", \"context.$\": \"$.trigger\", ";
        String body = loopInput + "\"start\": \"X\", \"steps\": {\"X\": {\"type\": \"success\"}}";
        for (int i = depth - 1; i >= 0; i--) {
            body = (i == 0 ? "" : loopInput) + "\"start\": \"L" + i + "\", \"steps\": {\"L" + i
                    + "\": {\"type\": \"action\","
                    + " \"actionId\": \"sp:loop:iterator\", \"nextStep\": \"E" + i + "\", \"attributes\": {"
                    + body + "}}, \"E" + i + "\": {\"type\": \"success\"}}";
        }
        String json = "{\"name\": \"nested\", \"trigger\": {\"type\": \"EXTERNAL\", \"attributes\": {}},"
                + " \"definition\": {" + body + "}}\n";

        List<String> lines = validate("nested.json", json);

        assertEquals(List.of(), lines);
    }
}
