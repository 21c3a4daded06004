package io.github.iscworkflows.workflow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Transformations of workflow JSON: read-only fields, normal form for comparison, stable output. */
public final class WorkflowJson {

    /** Fields the server sets; they are stripped before POST/PUT and ignored in comparisons. */
    public static final Set<String> READ_ONLY_FIELDS =
            Set.of("id", "executionCount", "failureCount", "created", "modified", "modifiedBy", "creator");

    /** Writer for files and reports: 2-space indent, no HTML escaping, nulls kept. */
    public static final Gson PRETTY = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    /** Compact writer for request bodies. */
    public static final Gson COMPACT =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private WorkflowJson() {}

    /** A deep copy without the read-only fields. */
    public static JsonObject withoutReadOnlyFields(JsonObject workflow) {
        JsonObject copy = workflow.deepCopy();
        for (String field : READ_ONLY_FIELDS) {
            copy.remove(field);
        }
        return copy;
    }

    /**
     * The form two workflows are compared in: read-only fields, {@code enabled} and every credential
     * {@code refID} removed, keys sorted at every level.
     */
    public static JsonObject normalised(JsonObject workflow) {
        JsonObject copy = withoutReadOnlyFields(workflow);
        copy.remove("enabled");
        for (CredentialReference credential : CredentialReference.findAll(copy)) {
            credential.object().remove("refID");
        }
        return sortedKeys(copy).getAsJsonObject();
    }

    /**
     * A deep copy with object keys sorted at every level; array order is kept. Recursion depth is the
     * JSON nesting depth, which PositionedJsonParser (512) and Gson's reader (255) bound.
     */
    public static JsonElement sortedKeys(JsonElement element) {
        if (element.isJsonObject()) {
            List<String> keys = new ArrayList<>(element.getAsJsonObject().keySet());
            keys.sort(null);
            JsonObject sorted = new JsonObject();
            for (String key : keys) {
                sorted.add(key, sortedKeys(element.getAsJsonObject().get(key)));
            }
            return sorted;
        }
        if (element.isJsonArray()) {
            JsonArray sorted = new JsonArray();
            for (JsonElement item : element.getAsJsonArray()) {
                sorted.add(sortedKeys(item));
            }
            return sorted;
        }
        return element.deepCopy();
    }

    /** Pretty JSON with a trailing newline, as written to workflow files and reports. */
    public static String toFileText(JsonElement element) {
        return PRETTY.toJson(element) + "\n";
    }
}
