package io.github.iscworkflows.references;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.List;

/**
 * Finds the failing step in a workflow execution's history ({@code GET
 * /workflow-executions/{id}/history}).
 *
 * <p>The OpenAPI documents each event as {@code type}, {@code timestamp} and free-form
 * {@code attributes}, so the step name and error are looked up under several common keys and the
 * whole attributes object is shown when none is found.
 */
final class ExecutionHistory {

    private static final List<String> STEP_KEYS = List.of("displayName", "stepName", "stepId", "name", "activityId");
    private static final List<String> ERROR_KEYS =
            List.of("errorMessage", "error", "failure", "reason", "message", "cause", "details");
    private static final int MAX_DETAIL = 1000;

    private ExecutionHistory() {}

    /** Returns one line naming the failing step and its error, or a note that the history has no failed event. */
    static String failingStep(JsonArray history) {
        JsonObject failed = null;
        for (JsonElement element : history) {
            if (!element.isJsonObject()) {
                continue;
            }
            JsonObject event = element.getAsJsonObject();
            String type = string(event, "type");
            if (type == null || !type.endsWith("Failed")) {
                continue;
            }
            // Prefer the step-level event: it names the step, while the execution-level one does not.
            if (failed == null
                    || type.startsWith("ActivityTask") && !"ActivityTaskFailed".equals(string(failed, "type"))) {
                failed = event;
            }
        }
        if (failed == null) {
            return "the execution history holds no failed event.";
        }
        JsonObject attributes =
                failed.has("attributes") && failed.get("attributes").isJsonObject()
                        ? failed.getAsJsonObject("attributes")
                        : new JsonObject();
        String step = firstOf(attributes, STEP_KEYS);
        String error = firstOf(attributes, ERROR_KEYS);
        StringBuilder line = new StringBuilder();
        line.append(step == null ? "a step" : "step '" + step + "'");
        line.append(" failed (").append(string(failed, "type")).append(")");
        line.append(": ").append(error != null ? error : truncate(WorkflowJson.COMPACT.toJson(attributes)));
        return line.toString();
    }

    private static String firstOf(JsonObject attributes, List<String> keys) {
        for (String key : keys) {
            JsonElement value = attributes.get(key);
            if (value == null || value.isJsonNull()) {
                continue;
            }
            String text = value.isJsonPrimitive() ? value.getAsString() : WorkflowJson.COMPACT.toJson(value);
            if (!text.isBlank()) {
                return truncate(text);
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
