package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code deploy-report.json} (after a deploy) or {@code deploy-plan.json} (after a dry run).
 *
 * <p>Other goals read the report: the fields {@code name}, {@code file}, {@code id}, {@code action}
 * ({@code created|updated|unchanged|failed|pruned}) and {@code enabledInSource} of each workflow entry are
 * a stable contract.
 */
public final class DeployReport {

    /** File name of the report of a real deploy. */
    public static final String REPORT_FILE = "deploy-report.json";

    /** File name of the plan written by a dry run, which leaves the last report alone. */
    public static final String PLAN_FILE = "deploy-plan.json";

    private DeployReport() {}

    /** Writes the report of a deploy into {@code directory} and returns its path. */
    static Path writeReport(
            Path directory, String tenant, List<WorkflowOutcome> outcomes, int requestCount, long durationMs)
            throws IOException {
        JsonObject report = header(tenant, false, requestCount, durationMs);
        JsonObject totals = new JsonObject();
        for (Result result : Result.values()) {
            totals.addProperty(result.label(), 0);
        }
        JsonArray workflows = new JsonArray();
        for (WorkflowOutcome outcome : outcomes) {
            totals.addProperty(
                    outcome.result().label(),
                    totals.get(outcome.result().label()).getAsInt() + 1);
            JsonObject entry =
                    entry(outcome.plan(), outcome.id(), outcome.result().label());
            entry.addProperty("error", outcome.error());
            entry.addProperty(
                    "failure",
                    outcome.failure() == null ? null : outcome.failure().name().toLowerCase(Locale.ROOT));
            entry.addProperty(
                    "backup", outcome.backup() == null ? null : outcome.backup().toString());
            entry.addProperty("durationMs", outcome.durationMs());
            workflows.add(entry);
        }
        report.add("totals", totals);
        report.add("workflows", workflows);
        return write(directory.resolve(REPORT_FILE), report);
    }

    /** Writes the plan of a dry run into {@code directory} and returns its path. */
    static Path writePlan(Path directory, String tenant, List<PlannedWorkflow> plan, int requestCount, long durationMs)
            throws IOException {
        JsonObject report = header(tenant, true, requestCount, durationMs);
        JsonObject totals = new JsonObject();
        for (PlanAction action : PlanAction.values()) {
            totals.addProperty(action.label(), 0);
        }
        JsonArray workflows = new JsonArray();
        for (PlannedWorkflow planned : plan) {
            totals.addProperty(
                    planned.action().label(),
                    totals.get(planned.action().label()).getAsInt() + 1);
            JsonObject entry =
                    entry(planned, planned.remoteId(), planned.action().label());
            entry.addProperty("error", planned.conflict());
            workflows.add(entry);
        }
        report.add("totals", totals);
        report.add("workflows", workflows);
        return write(directory.resolve(PLAN_FILE), report);
    }

    private static JsonObject header(String tenant, boolean dryRun, int requestCount, long durationMs) {
        JsonObject report = new JsonObject();
        report.addProperty("tenant", tenant);
        report.addProperty("dryRun", dryRun);
        report.addProperty("requestCount", requestCount);
        report.addProperty("durationMs", durationMs);
        return report;
    }

    private static JsonObject entry(PlannedWorkflow planned, String id, String action) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", planned.name());
        entry.addProperty("file", planned.file());
        entry.addProperty("id", id);
        entry.addProperty("action", action);
        entry.addProperty("enabledInSource", planned.enabledInSource());
        JsonObject details = new JsonObject();
        details.addProperty("action", planned.action().label());
        WorkflowChanges changes = planned.changes();
        for (Map.Entry<String, List<String>> part : Map.of(
                        "changedFields", changes.fields(),
                        "changedSteps", changes.changedSteps(),
                        "addedSteps", changes.addedSteps(),
                        "removedSteps", changes.removedSteps())
                .entrySet()) {
            JsonArray values = new JsonArray();
            part.getValue().forEach(values::add);
            details.add(part.getKey(), values);
        }
        details.addProperty("reEnable", planned.reEnable());
        JsonArray notes = new JsonArray();
        planned.notes().forEach(notes::add);
        details.add("notes", notes);
        entry.add("plan", WorkflowJson.sortedKeys(details));
        return entry;
    }

    private static Path write(Path file, JsonObject report) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, WorkflowJson.toFileText(report), StandardCharsets.UTF_8);
        return file;
    }
}
