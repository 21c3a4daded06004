package io.github.iscworkflows.workflow;

import com.google.gson.JsonObject;

/**
 * A Parameter Storage credential object in a step, such as {@code param_oauth}.
 *
 * @param stepName the step's key
 * @param stepPath enclosing loop steps and the step name, joined with " > "
 * @param attribute the attribute key, for example {@code param_oauth}
 * @param paramId {@code paramID}, or null when missing or blank
 * @param refId {@code refID}, or null when missing or blank
 * @param pointer JSON Pointer of the credential object inside the workflow
 * @param object the credential object itself (live: changes reach the workflow)
 */
public record CredentialReference(
        String stepName,
        String stepPath,
        String attribute,
        String paramId,
        String refId,
        String pointer,
        JsonObject object) {

    /** Finds the credential objects of a workflow: every {@code param_*} attribute holding an object. */
    public static java.util.List<CredentialReference> findAll(JsonObject workflow) {
        java.util.List<CredentialReference> found = new java.util.ArrayList<>();
        for (Steps.Step step : Steps.all(workflow)) {
            JsonObject attributes = step.attributes();
            if (attributes == null) {
                continue;
            }
            for (var entry : attributes.entrySet()) {
                if (entry.getKey().startsWith("param_") && entry.getValue().isJsonObject()) {
                    JsonObject object = entry.getValue().getAsJsonObject();
                    found.add(new CredentialReference(
                            step.name(),
                            step.path(),
                            entry.getKey(),
                            blankToNull(Steps.stringOf(object, "paramID")),
                            blankToNull(Steps.stringOf(object, "refID")),
                            step.pointer() + "/attributes/" + PositionedJson.escape(entry.getKey()),
                            object));
                }
            }
        }
        return found;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
