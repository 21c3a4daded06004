package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test runs, external runs and their executions. A run does not call anything: it walks the steps
 * from {@code start} and fails at the first step whose credential object ISC could not resolve (no
 * such parameter, or a {@code refID} without a reference record for this workflow), as the real
 * service does at run time.
 */
final class WorkflowRuns {

    private static final Map<String, Set<String>> EXECUTION_FILTERS = Map.of("status", Set.of("eq"));

    private final EmulatorState state;

    WorkflowRuns(EmulatorState state) {
        this.state = state;
    }

    List<Route> routes() {
        Set<String> all = Route.ALL_VERSIONS;
        return List.of(
                new Route("POST", "/workflows/{id}/test", all, this::test),
                new Route("GET", "/workflows/{id}/executions", all, this::executions),
                new Route("GET", "/workflow-executions/{id}", all, this::execution),
                new Route("GET", "/workflow-executions/{id}/history", all, this::history),
                new Route("POST", "/workflows/execute/external/{id}", all, this::executeExternal));
    }

    private Response test(Request request) {
        JsonObject body = request.jsonObject();
        JsonObject input = Json.object(body, "input");
        if (input == null) {
            throw ApiException.badRequest("A test run needs an 'input' object, for example {\"input\": {}}.");
        }
        synchronized (state) {
            JsonObject workflow = existing(request.pathParameter("id"));
            if (Json.isTrue(workflow, "enabled")) {
                throw ApiException.badRequest(
                        "The workflow '" + Json.string(workflow, "name")
                                + "' is enabled: only a disabled workflow can be tested. Disable it with PATCH /workflows/{id}.");
            }
            return Response.ok(executionIdBody(run(workflow, input)));
        }
    }

    private Response executeExternal(Request request) {
        JsonObject body = request.body == null || request.body.isBlank() ? new JsonObject() : request.jsonObject();
        JsonObject input = Json.object(body, "input");
        synchronized (state) {
            JsonObject workflow = existing(request.pathParameter("id"));
            if (!Json.isTrue(workflow, "enabled")) {
                JsonObject answer = new JsonObject();
                answer.addProperty(
                        "message", "Workflow was not executed externally. Check enabled flag on workflow definition");
                return Response.ok(answer);
            }
            String triggerType = Json.string(Json.object(workflow, "trigger"), "type");
            if (!"EXTERNAL".equals(triggerType)) {
                throw ApiException.badRequest("The workflow '" + Json.string(workflow, "name")
                        + "' has no external trigger (trigger type " + triggerType + ").");
            }
            return Response.ok(executionIdBody(run(workflow, input == null ? new JsonObject() : input)));
        }
    }

    private Response executions(Request request) {
        List<Filters.Condition> conditions = Filters.parse(request.query("filters"), EXECUTION_FILTERS);
        List<JsonObject> found = new ArrayList<>();
        synchronized (state) {
            String workflowId = Json.string(existing(request.pathParameter("id")), "id");
            for (JsonObject execution : state.executions.values()) {
                if (workflowId.equals(Json.string(execution, "workflowId"))
                        && Filters.matchesAll(execution, conditions)) {
                    found.add(withoutHistory(execution));
                }
            }
        }
        return ListQuery.page(request, found, Set.of("startTime", "status"));
    }

    private Response execution(Request request) {
        synchronized (state) {
            return Response.ok(withoutHistory(existingExecution(request.pathParameter("id"))));
        }
    }

    private Response history(Request request) {
        synchronized (state) {
            JsonObject execution = existingExecution(request.pathParameter("id"));
            JsonElement history = execution.get("history");
            List<JsonObject> events = new ArrayList<>();
            if (history != null && history.isJsonArray()) {
                history.getAsJsonArray()
                        .forEach(event -> events.add(event.getAsJsonObject().deepCopy()));
            }
            return ListQuery.page(request, events, Set.of());
        }
    }

    /** Records one execution of {@code workflow}; the caller holds the state's lock. */
    private JsonObject run(JsonObject workflow, JsonObject input) {
        String workflowId = Json.string(workflow, "id");
        String start = Json.now();
        JsonArray history = new JsonArray();
        history.add(event("WorkflowExecutionScheduled", attributes("input", input.deepCopy())));
        history.add(event("WorkflowExecutionStarted", new JsonObject()));

        List<CredentialObjects.Credential> credentials = CredentialObjects.find(workflow);
        String failure = null;
        for (String step : StepOrder.of(workflow)) {
            history.add(event("ActivityTaskScheduled", attributes("displayName", step)));
            failure = credentialFailure(workflowId, step, credentials);
            if (failure != null) {
                JsonObject failed = attributes("displayName", step);
                failed.addProperty("error", failure);
                history.add(event("ActivityTaskFailed", failed));
                break;
            }
            history.add(event("ActivityTaskCompleted", attributes("displayName", step)));
        }
        history.add(
                failure == null
                        ? event("WorkflowExecutionCompleted", new JsonObject())
                        : event("WorkflowExecutionFailed", attributes("error", failure)));

        JsonObject execution = new JsonObject();
        execution.addProperty("id", UUID.randomUUID().toString());
        execution.addProperty("workflowId", workflowId);
        execution.addProperty("requestId", ApiException.newTrackingId());
        execution.addProperty("startTime", start);
        execution.addProperty("closeTime", Json.now());
        execution.addProperty("status", failure == null ? "Completed" : "Failed");
        execution.add("history", history);
        state.executions.put(Json.string(execution, "id"), execution);

        workflow.addProperty("executionCount", workflow.get("executionCount").getAsInt() + 1);
        if (failure != null) {
            workflow.addProperty("failureCount", workflow.get("failureCount").getAsInt() + 1);
        }
        return execution;
    }

    private String credentialFailure(String workflowId, String step, List<CredentialObjects.Credential> credentials) {
        for (CredentialObjects.Credential credential : credentials) {
            if (!credential.stepPath().equals(step)) {
                continue;
            }
            String prefix =
                    "failed to retrieve Parameters for authentication type '" + credential.authenticationType() + "': ";
            if (!state.parameters.containsKey(credential.paramId())) {
                return prefix + "parameter " + credential.paramId() + " not found";
            }
            if (!ReferenceRecords.isBacked(state, workflowId, credential)) {
                return prefix + "unexpected Parameter configuration";
            }
        }
        return null;
    }

    private JsonObject existing(String id) {
        JsonObject workflow = state.workflows.get(id);
        if (workflow == null) {
            throw ApiException.notFound("The workflow " + id + " does not exist.");
        }
        return workflow;
    }

    private JsonObject existingExecution(String id) {
        JsonObject execution = state.executions.get(id);
        if (execution == null) {
            throw ApiException.notFound("The workflow execution " + id + " does not exist.");
        }
        return execution;
    }

    private static JsonObject withoutHistory(JsonObject execution) {
        JsonObject copy = execution.deepCopy();
        copy.remove("history");
        return copy;
    }

    private static JsonObject executionIdBody(JsonObject execution) {
        JsonObject body = new JsonObject();
        body.addProperty("workflowExecutionId", Json.string(execution, "id"));
        return body;
    }

    private static JsonObject event(String type, JsonObject attributes) {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.addProperty("timestamp", Json.now());
        event.add("attributes", attributes);
        return event;
    }

    private static JsonObject attributes(String key, String value) {
        JsonObject attributes = new JsonObject();
        attributes.addProperty(key, value);
        return attributes;
    }

    private static JsonObject attributes(String key, JsonElement value) {
        JsonObject attributes = new JsonObject();
        attributes.add(key, value);
        return attributes;
    }
}
