package io.github.iscworkflows.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a source workflow with its tenant copy on the normalised form: read-only fields,
 * {@code enabled} and {@code refID}s ignored, key order ignored, and the owner compared by type and id
 * only, because the tenant fills in the owner's display name. Only the fields of ISC's workflow body
 * are compared, because ISC stores no others, so any other field would make every run an update.
 */
final class WorkflowComparison {

    /** The fields of a workflow body in ISC's API (v2025 {@code WorkflowBody}) other than {@code enabled}. */
    static final Set<String> COMPARED_FIELDS = Set.of("name", "description", "owner", "definition", "trigger");

    private WorkflowComparison() {}

    /** The form both sides are compared and diffed in. */
    static JsonObject comparable(JsonObject workflow) {
        JsonObject normalised = WorkflowJson.normalised(workflow);
        normalised.keySet().retainAll(COMPARED_FIELDS);
        JsonElement owner = normalised.get("owner");
        if (owner != null && owner.isJsonObject()) {
            owner.getAsJsonObject().remove("name");
        }
        return normalised;
    }

    /** The differences between two workflows; {@link WorkflowChanges#isEmpty()} when they are equal. */
    static WorkflowChanges changes(JsonObject source, JsonObject remote) {
        JsonObject left = comparable(source);
        JsonObject right = comparable(remote);
        TreeSet<String> fields = new TreeSet<>();
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            if (!sameJson(left.get(key), right.get(key))) {
                fields.add(key);
            }
        }
        if (fields.isEmpty()) {
            return WorkflowChanges.NONE;
        }
        Map<String, JsonObject> sourceSteps = stepsByPath(left);
        Map<String, JsonObject> remoteSteps = stepsByPath(right);
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, JsonObject> entry : sourceSteps.entrySet()) {
            JsonObject other = remoteSteps.get(entry.getKey());
            if (other == null) {
                added.add(entry.getKey());
            } else if (!sameJson(other, entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        for (String path : remoteSteps.keySet()) {
            if (!sourceSteps.containsKey(path)) {
                removed.add(path);
            }
        }
        return new WorkflowChanges(List.copyOf(fields), changed, added, removed);
    }

    /**
     * Compares the JSON text, so that numbers must be spelt alike: Gson's {@code equals} finds {@code 2}
     * and {@code 2.0} equal, but a tenant that stores {@code 2.0} differs from a file that says {@code 2}.
     */
    private static boolean sameJson(JsonElement left, JsonElement right) {
        if (left == null || right == null) {
            return left == right;
        }
        return WorkflowJson.COMPACT.toJson(left).equals(WorkflowJson.COMPACT.toJson(right));
    }

    /** Each step by path, without the nested steps of a loop, so a change inside a loop names the inner step. */
    private static Map<String, JsonObject> stepsByPath(JsonObject workflow) {
        Map<String, JsonObject> steps = new LinkedHashMap<>();
        for (Steps.Step step : Steps.all(workflow)) {
            JsonObject own = step.step().deepCopy();
            JsonElement attributes = own.get("attributes");
            if (attributes != null && attributes.isJsonObject()) {
                attributes.getAsJsonObject().remove("steps");
            }
            steps.put(step.path(), own);
        }
        return steps;
    }

    /**
     * A unified diff of the pretty normalised forms, tenant first. Literal secrets show as {@code "****"},
     * and as {@code "**** (changed)"} on the source side when both sides hold different ones.
     */
    static String diff(String name, JsonObject source, JsonObject remote) {
        JsonObject tenant = comparable(remote);
        JsonObject local = comparable(source);
        SecretMasking.maskForDiff(tenant, local);
        List<String> before = lines(tenant);
        List<String> after = lines(local);
        return UnifiedDiff.of("tenant/" + name, "source/" + name, before, after, 3);
    }

    private static List<String> lines(JsonObject workflow) {
        return List.of(WorkflowJson.PRETTY.toJson(workflow).split("\n", -1));
    }
}
