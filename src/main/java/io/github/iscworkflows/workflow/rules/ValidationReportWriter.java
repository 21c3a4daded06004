package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link ValidationReport} as JSON, the machine-readable twin of the build log lines. */
public final class ValidationReportWriter {

    private ValidationReportWriter() {}

    /** The report as a JSON object: counts, then one entry per problem. */
    public static JsonObject toJson(ValidationReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("files", report.files());
        json.addProperty("workflows", report.workflows());
        json.addProperty("errors", report.errors());
        json.addProperty("warnings", report.warnings());
        json.addProperty("infos", report.infos());
        JsonArray problems = new JsonArray();
        for (Problem problem : report.problems()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("file", problem.file());
            entry.addProperty("line", problem.position().line());
            entry.addProperty("column", problem.position().column());
            entry.addProperty("severity", problem.severity().label());
            entry.addProperty("rule", problem.ruleId());
            entry.addProperty("message", problem.message());
            problems.add(entry);
        }
        json.add("problems", problems);
        return json;
    }

    /** Writes the report to {@code file}, creating its folder. */
    public static void write(ValidationReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, WorkflowJson.toFileText(toJson(report)), StandardCharsets.UTF_8);
    }
}
