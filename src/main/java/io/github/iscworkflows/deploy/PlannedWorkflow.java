package io.github.iscworkflows.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.List;

/**
 * The plan for one workflow: what to do, and the exact request body when something is sent.
 *
 * @param action what to do
 * @param name the workflow name
 * @param source the local workflow, or null for {@link PlanAction#PRUNE}
 * @param remote the tenant's workflow as listed, or null for {@link PlanAction#CREATE}
 * @param body the POST or PUT body (placeholders resolved, read-only fields removed, refIDs carried
 *     over), or null when nothing is sent
 * @param changes the differences for {@link PlanAction#UPDATE}, otherwise {@link WorkflowChanges#NONE}
 * @param reEnable for an update of an enabled workflow: whether to enable it again after the PUT
 * @param notes warnings found while planning, such as a dropped refID
 * @param conflict for {@link PlanAction#CONFLICT} and {@link PlanAction#UNRESOLVED}: what is ambiguous or
 *     failed, and how to resolve it
 */
public record PlannedWorkflow(
        PlanAction action,
        String name,
        WorkflowSource source,
        JsonObject remote,
        JsonObject body,
        WorkflowChanges changes,
        boolean reEnable,
        List<String> notes,
        String conflict) {

    public PlannedWorkflow {
        notes = List.copyOf(notes);
    }

    /** The tenant's id, or null when the workflow does not exist there yet. */
    public String remoteId() {
        return remote == null ? null : Steps.stringOf(remote, "id");
    }

    /** Whether the tenant's workflow is enabled. */
    public boolean remoteEnabled() {
        return remote != null && isTrue(remote, "enabled");
    }

    /** The source's {@code enabled}: true only when the file sets {@code "enabled": true}. */
    public boolean enabledInSource() {
        return source != null && isTrue(source.workflow(), "enabled");
    }

    /** Whether {@code key} holds the JSON boolean {@code true}. */
    static boolean isTrue(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null
                && value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    /** The file shown in messages, or null for a prune. */
    public String file() {
        return source == null ? null : source.displayPath();
    }
}
