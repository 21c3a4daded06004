package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tenant's workflows as listed once per run, indexed by id and by name. */
final class RemoteWorkflows implements RemoteIndex {

    private final List<JsonObject> all;
    private final Map<String, JsonObject> byId = new HashMap<>();
    private final Map<String, List<JsonObject>> byName = new HashMap<>();

    /**
     * Indexes the listing. Entries without an {@code id} cannot be written to, so they are left out of
     * {@link #all()} and {@link #byId}, but {@link #byName} keeps them, so that deploy does not create a
     * second workflow with their name.
     */
    RemoteWorkflows(List<JsonObject> workflows, BuildLog log) {
        List<JsonObject> usable = new ArrayList<>();
        for (JsonObject workflow : workflows) {
            String id = Steps.stringOf(workflow, "id");
            String name = Steps.stringOf(workflow, "name");
            if (name != null) {
                byName.computeIfAbsent(name, key -> new ArrayList<>()).add(workflow);
            }
            if (id == null) {
                log.warn("The tenant listed a workflow without an id (name " + name + "); deploy cannot update,"
                        + " prune or replace it.");
                log.debug("Workflow listed without an id: " + WorkflowJson.COMPACT.toJson(workflow));
                continue;
            }
            usable.add(workflow);
            byId.put(id, workflow);
        }
        this.all = List.copyOf(usable);
    }

    List<JsonObject> all() {
        return all;
    }

    @Override
    public JsonObject byId(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Returns the workflows with exactly this name, in listing order. */
    @Override
    public List<JsonObject> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
