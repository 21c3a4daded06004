package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the Parameter Storage credential objects of a workflow: every {@code param_*} attribute that
 * is an object with a {@code paramID}, in every step, the steps inside {@code sp:loop:iterator} loops
 * included. Also checks that keys ending in {@code .$} hold a JSONPath, as ISC does on enable.
 *
 * <p>This walk repeats {@code workflow.CredentialReference.findAll} on purpose: the emulator stands in
 * for ISC in the plugin's tests, so a step the plugin's own walk missed must not be missed here too.
 */
final class CredentialObjects {

    /** One credential object; {@link #node()} is the live object inside the workflow tree. */
    record Credential(String stepPath, String attribute, JsonObject node) {

        String paramId() {
            return Json.string(node, "paramID");
        }

        String refId() {
            String refId = Json.string(node, "refID");
            return refId == null || refId.isBlank() ? null : refId;
        }

        void setRefId(String refId) {
            node.addProperty("refID", refId);
        }

        /** Returns the authentication type a run error names: {@code param_oauth} becomes {@code oauth}. */
        String authenticationType() {
            return attribute.substring("param_".length());
        }
    }

    private CredentialObjects() {}

    /** Finds the credential objects of {@code workflow} in step order; the list is empty without a definition. */
    static List<Credential> find(JsonObject workflow) {
        List<Credential> found = new ArrayList<>();
        JsonObject definition = Json.object(workflow, "definition");
        collect(Json.object(definition, "steps"), "", found);
        return found;
    }

    private static void collect(JsonObject steps, String prefix, List<Credential> found) {
        if (steps == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> step : steps.entrySet()) {
            if (!step.getValue().isJsonObject()) {
                continue;
            }
            String stepPath = prefix + step.getKey();
            JsonObject attributes = Json.object(step.getValue().getAsJsonObject(), "attributes");
            if (attributes == null) {
                continue;
            }
            for (Map.Entry<String, JsonElement> attribute : attributes.entrySet()) {
                if (isCredential(attribute.getKey(), attribute.getValue())) {
                    found.add(new Credential(
                            stepPath, attribute.getKey(), attribute.getValue().getAsJsonObject()));
                }
            }
            collect(Json.object(attributes, "steps"), stepPath + " > ", found);
        }
    }

    private static boolean isCredential(String key, JsonElement value) {
        if (!key.startsWith("param_") || !value.isJsonObject()) {
            return false;
        }
        String paramId = Json.string(value.getAsJsonObject(), "paramID");
        return paramId != null && !paramId.isBlank();
    }

    /**
     * Lists the keys ending in {@code .$} whose value is not a JSONPath: a string that is neither empty
     * nor starts with {@code $}, or a value that is not a string. Keys map a location such as
     * {@code Send Email.subject.$} to the problem.
     */
    static Map<String, String> invalidJsonPaths(JsonObject workflow) {
        Map<String, String> problems = new LinkedHashMap<>();
        JsonObject definition = Json.object(workflow, "definition");
        JsonObject steps = Json.object(definition, "steps");
        if (steps != null) {
            checkSteps(steps, "", problems);
        }
        JsonObject trigger = Json.object(workflow, "trigger");
        if (trigger != null) {
            checkValues(trigger, "trigger", problems);
        }
        return problems;
    }

    private static void checkSteps(JsonObject steps, String prefix, Map<String, String> problems) {
        for (Map.Entry<String, JsonElement> step : steps.entrySet()) {
            if (!step.getValue().isJsonObject()) {
                continue;
            }
            String stepPath = prefix + step.getKey();
            JsonObject body = step.getValue().getAsJsonObject();
            for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
                if (entry.getKey().equals("attributes") && entry.getValue().isJsonObject()) {
                    JsonObject attributes = entry.getValue().getAsJsonObject();
                    for (Map.Entry<String, JsonElement> attribute : attributes.entrySet()) {
                        if (attribute.getKey().equals("steps")
                                && attribute.getValue().isJsonObject()) {
                            checkSteps(attribute.getValue().getAsJsonObject(), stepPath + " > ", problems);
                        } else {
                            checkEntry(attribute.getKey(), attribute.getValue(), stepPath, problems);
                        }
                    }
                } else {
                    checkEntry(entry.getKey(), entry.getValue(), stepPath, problems);
                }
            }
        }
    }

    private static void checkValues(JsonElement element, String location, Map<String, String> problems) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry :
                    element.getAsJsonObject().entrySet()) {
                checkEntry(entry.getKey(), entry.getValue(), location, problems);
            }
        } else if (element.isJsonArray()) {
            for (JsonElement item : element.getAsJsonArray()) {
                checkValues(item, location, problems);
            }
        }
    }

    private static void checkEntry(String key, JsonElement value, String location, Map<String, String> problems) {
        if (key.endsWith(".$") && !isJsonPath(value)) {
            problems.put(
                    location + "." + key,
                    "the value of '" + key + "' must be a JSONPath starting with '$', found "
                            + Json.GSON.toJson(value));
        }
        checkValues(value, location, problems);
    }

    private static boolean isJsonPath(JsonElement value) {
        if (value.isJsonNull()) {
            return true;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return false;
        }
        String text = value.getAsString();
        return text.isEmpty() || text.startsWith("$");
    }
}
