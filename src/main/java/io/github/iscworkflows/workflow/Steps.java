package io.github.iscworkflows.workflow;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks the steps of a workflow definition, loop bodies included. */
public final class Steps {

    /** The action id of a loop step, whose {@code attributes} hold their own {@code start} and {@code steps}. */
    public static final String LOOP_ACTION = "sp:loop:iterator";

    /**
     * One step.
     *
     * @param name the step's key in its {@code steps} map
     * @param path the loop steps that enclose it, then its own name, joined with " > "
     * @param pointer JSON Pointer of the step inside the workflow object
     * @param step the step object
     */
    public record Step(String name, String path, String pointer, JsonObject step) {

        /** The step's {@code attributes}, or null. */
        public JsonObject attributes() {
            JsonElement attributes = step.get("attributes");
            return attributes != null && attributes.isJsonObject() ? attributes.getAsJsonObject() : null;
        }

        /** The step's {@code actionId}, or null. */
        public String actionId() {
            return stringOf(step, "actionId");
        }
    }

    private Steps() {}

    /** Every step of the workflow, depth first, loop bodies after their loop step. */
    public static List<Step> all(JsonObject workflow) {
        List<Step> steps = new ArrayList<>();
        JsonElement definition = workflow.get("definition");
        if (definition != null && definition.isJsonObject()) {
            collect(definition.getAsJsonObject(), "/definition", "", steps);
        }
        return steps;
    }

    // Recursion depth follows loop nesting, which the JSON nesting limits bound (512 levels in
    // PositionedJsonParser, 255 in Gson's reader for tenant responses).
    private static void collect(JsonObject container, String pointer, String prefix, List<Step> into) {
        JsonElement steps = container.get("steps");
        if (steps == null || !steps.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : steps.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonObject()) {
                continue;
            }
            String stepPointer = pointer + "/steps/" + PositionedJson.escape(entry.getKey());
            Step step = new Step(
                    entry.getKey(),
                    prefix + entry.getKey(),
                    stepPointer,
                    entry.getValue().getAsJsonObject());
            into.add(step);
            JsonObject attributes = step.attributes();
            if (attributes != null && attributes.has("steps")) {
                collect(attributes, stepPointer + "/attributes", step.path() + " > ", into);
            }
        }
    }

    /** The string value of {@code key}, or null when absent or not a string. */
    public static String stringOf(JsonObject object, String key) {
        JsonElement value = object == null ? null : object.get(key);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? value.getAsString()
                : null;
    }
}
