package io.github.iscworkflows.references;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory IscApi for core tests: stores workflows, parameters and references, logs each call. */
final class FakeIscApi implements IscApi {

    final Map<String, JsonObject> workflows = new LinkedHashMap<>();
    final Map<String, JsonObject> parameters = new HashMap<>();
    final Map<String, List<JsonObject>> references = new HashMap<>();
    final Map<String, Deque<JsonObject>> executions = new HashMap<>();
    final Map<String, JsonArray> histories = new HashMap<>();
    final Map<String, IscException> failures = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    JsonObject testResponse;
    JsonObject lastTestInput;

    /** Adds a workflow with one HTTP step holding {@code param_oauth}; refId may be null. */
    JsonObject addWorkflow(String id, String name, boolean enabled, String paramId, String refId) {
        JsonObject credential = new JsonObject();
        credential.add("mapping", new JsonObject());
        credential.addProperty("paramID", paramId);
        credential.addProperty("paramType", "1.4");
        if (refId != null) {
            credential.addProperty("refID", refId);
        }
        JsonObject attributes = new JsonObject();
        attributes.addProperty("method", "get");
        attributes.addProperty("param_authenticationRef", "oauth");
        attributes.add("param_oauth", credential);
        return addWorkflowWithStep(id, name, enabled, "HTTP Request", attributes);
    }

    JsonObject addWorkflowWithStep(String id, String name, boolean enabled, String stepName, JsonObject attributes) {
        JsonObject step = new JsonObject();
        step.addProperty("actionId", "sp:http");
        step.addProperty("type", "action");
        step.add("attributes", attributes);
        step.addProperty("nextStep", "End");
        JsonObject steps = new JsonObject();
        steps.add(stepName, step);
        JsonObject end = new JsonObject();
        end.addProperty("type", "success");
        steps.add("End", end);
        JsonObject definition = new JsonObject();
        definition.addProperty("start", stepName);
        definition.add("steps", steps);
        JsonObject workflow = new JsonObject();
        workflow.addProperty("id", id);
        workflow.addProperty("name", name);
        workflow.addProperty("enabled", enabled);
        workflow.add("definition", definition);
        workflows.put(id, workflow);
        return workflow;
    }

    void addParameter(String id, String name) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("id", id);
        parameter.addProperty("name", name);
        parameters.put(id, parameter);
    }

    void addReference(String parameterId, String referenceId, String usageHint) {
        JsonObject reference = new JsonObject();
        reference.addProperty("id", referenceId);
        reference.addProperty("consumerId", "sp-workflow-config");
        reference.addProperty("parameterId", parameterId);
        reference.addProperty("name", "Workflow reference");
        if (usageHint != null) {
            reference.addProperty("usageHint", usageHint);
        }
        references.computeIfAbsent(parameterId, k -> new ArrayList<>()).add(reference);
    }

    static String hintFor(String workflowId) {
        return "{\"workflowId\": \"" + workflowId + "\"}";
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private void call(String call) throws IscException {
        calls.add(call);
        for (Map.Entry<String, IscException> failure : failures.entrySet()) {
            if (call.equals(failure.getKey()) || call.startsWith(failure.getKey() + " ")) {
                throw failure.getValue();
            }
        }
    }

    @Override
    public List<JsonObject> listWorkflows(String filters) throws IscException {
        call("listWorkflows");
        return workflows.values().stream().map(JsonObject::deepCopy).toList();
    }

    @Override
    public List<JsonObject> findWorkflowsByName(String name) throws IscException {
        call("findWorkflowsByName " + name);
        return workflows.values().stream()
                .filter(w -> name.equals(w.get("name").getAsString()))
                .map(JsonObject::deepCopy)
                .toList();
    }

    @Override
    public Optional<JsonObject> getWorkflow(String id) throws IscException {
        call("getWorkflow " + id);
        return Optional.ofNullable(workflows.get(id)).map(JsonObject::deepCopy);
    }

    @Override
    public JsonObject createWorkflow(JsonObject body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonObject updateWorkflow(String id, JsonObject body) throws IscException {
        call("updateWorkflow " + id);
        JsonObject stored = body.deepCopy();
        stored.addProperty("id", id);
        workflows.put(id, stored);
        return stored.deepCopy();
    }

    @Override
    public JsonObject patchWorkflow(String id, JsonArray operations) throws IscException {
        JsonObject operation = operations.get(0).getAsJsonObject();
        call("patchWorkflow " + id + " " + operation.get("path").getAsString() + "=" + operation.get("value"));
        JsonObject workflow = workflows.get(id);
        workflow.add(operation.get("path").getAsString().substring(1), operation.get("value"));
        return workflow.deepCopy();
    }

    @Override
    public void deleteWorkflow(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonObject testWorkflow(String id, JsonObject input) throws IscException {
        call("testWorkflow " + id);
        lastTestInput = input;
        return testResponse.deepCopy();
    }

    @Override
    public Optional<JsonObject> getExecution(String executionId) throws IscException {
        call("getExecution " + executionId);
        Deque<JsonObject> states = executions.get(executionId);
        if (states == null) {
            return Optional.empty();
        }
        return Optional.of(states.size() > 1 ? states.poll() : states.peek());
    }

    void addExecution(String executionId, String... statuses) {
        Deque<JsonObject> states = new ArrayDeque<>();
        for (String status : statuses) {
            JsonObject execution = new JsonObject();
            execution.addProperty("id", executionId);
            execution.addProperty("status", status);
            states.add(execution);
        }
        executions.put(executionId, states);
    }

    @Override
    public JsonArray getExecutionHistory(String executionId) throws IscException {
        call("getExecutionHistory " + executionId);
        return histories.getOrDefault(executionId, new JsonArray());
    }

    @Override
    public List<JsonObject> searchParameters(String filters) throws IscException {
        call("searchParameters");
        return List.copyOf(parameters.values());
    }

    @Override
    public Optional<JsonObject> getParameter(String id) throws IscException {
        call("getParameter " + id);
        return Optional.ofNullable(parameters.get(id));
    }

    @Override
    public List<JsonObject> getParameterReferences(String parameterId) throws IscException {
        call("getParameterReferences " + parameterId);
        if (!parameters.containsKey(parameterId)) {
            throw new IscException("GET references: 404", 404);
        }
        return references.getOrDefault(parameterId, List.of());
    }

    @Override
    public List<JsonObject> searchIdentities(String filters) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int requestCount() {
        return calls.size();
    }

    @Override
    public void close() {}

    static JsonElement bool(boolean value) {
        return new com.google.gson.JsonPrimitive(value);
    }
}
