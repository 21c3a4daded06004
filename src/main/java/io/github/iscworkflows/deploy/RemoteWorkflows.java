package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tenant's workflows as listed once per run, indexed by id and by name. */
final class RemoteWorkflows {

    private final List<JsonObject> all;
    private final Map<String, JsonObject> byId = new HashMap<>();
    private final Map<String, List<JsonObject>> byName = new HashMap<>();

    RemoteWorkflows(List<JsonObject> workflows) {
        this.all = List.copyOf(workflows);
        for (JsonObject workflow : workflows) {
            String id = Steps.stringOf(workflow, "id");
            if (id != null) {
                byId.put(id, workflow);
            }
            String name = Steps.stringOf(workflow, "name");
            if (name != null) {
                byName.computeIfAbsent(name, key -> new ArrayList<>()).add(workflow);
            }
        }
    }

    List<JsonObject> all() {
        return all;
    }

    /** The workflow with this id, or null (also for a null id). */
    JsonObject byId(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The workflows with exactly this name, in listing order. */
    List<JsonObject> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
