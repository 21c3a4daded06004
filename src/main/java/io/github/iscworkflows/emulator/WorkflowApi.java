package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code /workflows} and {@code /workflows/{id}}: list, create, read, replace, patch, delete. */
final class WorkflowApi {

    /** The fields a client may write, in the order ISC returns them. */
    static final List<String> WRITABLE = List.of("name", "description", "owner", "definition", "enabled", "trigger");

    private static final Map<String, Set<String>> FILTERS =
            Map.of("name", Set.of("eq"), "id", Set.of("eq"), "enabled", Set.of("eq"));
    private static final Set<String> SORTABLE = Set.of("name", "created", "modified");

    private final EmulatorState state;
    private final int maxOffset;

    /** {@code maxOffset}: the offset ceiling of listings, 0 for none. */
    WorkflowApi(EmulatorState state, int maxOffset) {
        this.state = state;
        this.maxOffset = maxOffset;
    }

    List<Route> routes() {
        Set<String> all = Route.ALL_VERSIONS;
        return List.of(
                new Route("GET", "/workflows", all, this::list),
                new Route("POST", "/workflows", all, this::create),
                new Route("GET", "/workflows/{id}", all, this::get),
                new Route("PUT", "/workflows/{id}", all, this::replace),
                new Route("PATCH", "/workflows/{id}", all, this::patch),
                new Route("DELETE", "/workflows/{id}", all, this::delete));
    }

    private Response list(Request request) {
        List<Filters.Condition> conditions = Filters.parse(request.query("filters"), FILTERS);
        List<JsonObject> matches = new ArrayList<>();
        synchronized (state) {
            for (JsonObject workflow : state.workflows.values()) {
                if (Filters.matchesAll(workflow, conditions)) {
                    matches.add(workflow.deepCopy());
                }
            }
        }
        return ListQuery.page(request, matches, SORTABLE, maxOffset);
    }

    private Response create(Request request) {
        JsonObject body = request.jsonObject();
        checkName(body);
        if (Json.isTrue(body, "enabled")) {
            throw ApiException.badRequest(
                    "A workflow cannot be created enabled: send \"enabled\": false or leave it out,"
                            + " then enable it with PATCH /workflows/{id}.");
        }
        checkTypes(body);
        synchronized (state) {
            JsonObject workflow = new JsonObject();
            workflow.addProperty("id", UUID.randomUUID().toString());
            for (String field : WRITABLE) {
                if (body.has(field) && !body.get(field).isJsonNull()) {
                    workflow.add(field, body.get(field).deepCopy());
                }
            }
            if (!workflow.has("owner")) {
                workflow.add("owner", EmulatorState.clientIdentity());
            }
            workflow.addProperty("enabled", false);
            workflow.addProperty("executionCount", 0);
            workflow.addProperty("failureCount", 0);
            String now = Json.now();
            workflow.addProperty("created", now);
            workflow.addProperty("modified", now);
            workflow.add("creator", EmulatorState.clientIdentity());
            state.workflows.put(Json.string(workflow, "id"), workflow);
            ReferenceRecords.applyMode(state, workflow, true);
            return Response.ok(workflow.deepCopy());
        }
    }

    private Response get(Request request) {
        synchronized (state) {
            return Response.ok(existing(request.pathParameter("id")).deepCopy());
        }
    }

    /**
     * PUT replaces every writable field: an absent {@code description}, {@code definition} or
     * {@code trigger} is removed, an absent {@code owner} or {@code enabled} keeps its value. Run
     * counters restart at 0.
     */
    private Response replace(Request request) {
        JsonObject body = request.jsonObject();
        checkName(body);
        checkTypes(body);
        synchronized (state) {
            JsonObject current = existing(request.pathParameter("id"));
            JsonObject updated = current.deepCopy();
            for (String field : List.of("name", "description", "definition", "trigger")) {
                updated.remove(field);
                if (body.has(field) && !body.get(field).isJsonNull()) {
                    updated.add(field, body.get(field).deepCopy());
                }
            }
            if (body.has("owner") && body.get("owner").isJsonObject()) {
                updated.add("owner", body.get("owner").deepCopy());
            }
            if (body.has("enabled") && !body.get("enabled").isJsonNull()) {
                updated.add("enabled", body.get("enabled").deepCopy());
            }
            updated.addProperty("executionCount", 0);
            updated.addProperty("failureCount", 0);
            return Response.ok(store(updated));
        }
    }

    private Response patch(Request request) {
        if (!request.contentType().equals("application/json-patch+json")) {
            throw ApiException.standard(
                    415,
                    "415 Unsupported Media Type",
                    "PATCH /workflows/{id} needs Content-Type application/json-patch+json, got '"
                            + request.contentType() + "'.");
        }
        JsonElement parsed = request.json();
        if (!parsed.isJsonArray()) {
            throw ApiException.badRequest("A JSON Patch body must be an array of operations.");
        }
        JsonArray operations = parsed.getAsJsonArray();
        synchronized (state) {
            JsonObject current = existing(request.pathParameter("id"));
            JsonObject document = new JsonObject();
            for (String field : WRITABLE) {
                if (current.has(field)) {
                    document.add(field, current.get(field).deepCopy());
                }
            }
            for (int i = 0; i < operations.size(); i++) {
                applyOperation(document, operations.get(i), i);
            }
            checkName(document);
            if (!document.has("enabled") || !isBoolean(document.get("enabled"))) {
                throw ApiException.badRequest("Invalid patch: /enabled must stay a boolean.");
            }
            checkTypes(document);
            JsonObject updated = current.deepCopy();
            for (String field : WRITABLE) {
                updated.remove(field);
            }
            for (String field : WRITABLE) {
                if (document.has(field)) {
                    updated.add(field, document.get(field));
                }
            }
            reorder(updated);
            return Response.ok(store(updated));
        }
    }

    private Response delete(Request request) {
        synchronized (state) {
            JsonObject current = existing(request.pathParameter("id"));
            if (Json.isTrue(current, "enabled")) {
                throw ApiException.badRequest("The workflow '" + Json.string(current, "name")
                        + "' is enabled and cannot be deleted: disable it first with PATCH /workflows/{id}"
                        + " [{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}].");
            }
            state.workflows.remove(Json.string(current, "id"));
            ReferenceRecords.removeAll(state, Json.string(current, "id"));
            return Response.noContent();
        }
    }

    /** Checks the enable rules, stamps {@code modified}, applies the reference mode and stores; returns a copy. */
    private JsonObject store(JsonObject updated) {
        if (Json.isTrue(updated, "enabled")) {
            Map<String, String> problems = CredentialObjects.invalidJsonPaths(updated);
            if (!problems.isEmpty()) {
                throw ApiException.workflowRejected("invalid workflow definition", problems);
            }
        }
        updated.addProperty("modified", Json.now());
        updated.add("modifiedBy", EmulatorState.clientIdentity());
        state.workflows.put(Json.string(updated, "id"), updated);
        ReferenceRecords.applyMode(state, updated, false);
        return updated.deepCopy();
    }

    private static void applyOperation(JsonObject document, JsonElement element, int index) {
        if (!element.isJsonObject()) {
            throw JsonPatch.problem(index, "an operation must be an object with 'op' and 'path'");
        }
        JsonObject operation = element.getAsJsonObject();
        String op = Json.string(operation, "op");
        String path = Json.string(operation, "path");
        if (op == null || path == null) {
            throw JsonPatch.problem(index, "'op' and 'path' are required strings");
        }
        List<String> tokens = JsonPatch.tokens(path, index);
        if (tokens.isEmpty() || !WRITABLE.contains(tokens.get(0))) {
            throw JsonPatch.problem(
                    index,
                    "the path '" + path
                            + "' cannot be patched: patchable paths are /name, /owner, /description, /enabled, /definition,"
                            + " /trigger and paths below /definition and /trigger");
        }
        if (tokens.size() > 1
                && !tokens.get(0).equals("definition")
                && !tokens.get(0).equals("trigger")) {
            throw JsonPatch.problem(
                    index,
                    "the path '" + path + "' cannot be patched: replace the whole /" + tokens.get(0) + " instead");
        }
        JsonElement value = operation.get("value");
        if (value == null && !op.equals("remove")) {
            throw JsonPatch.problem(index, "'" + op + "' needs a 'value'");
        }
        JsonPatch.apply(document, op, tokens, value, index);
    }

    private JsonObject existing(String id) {
        JsonObject workflow = state.workflows.get(id);
        if (workflow == null) {
            throw ApiException.notFound("The workflow " + id + " does not exist.");
        }
        return workflow;
    }

    private static void checkName(JsonObject body) {
        String name = Json.string(body, "name");
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("The workflow 'name' is required and must be a non-empty string.");
        }
    }

    private static void checkTypes(JsonObject body) {
        for (String field : List.of("owner", "definition", "trigger")) {
            JsonElement value = body.get(field);
            if (value != null && !value.isJsonNull() && !value.isJsonObject()) {
                throw ApiException.badRequest(
                        "The workflow '" + field + "' must be an object, got " + Json.GSON.toJson(value) + ".");
            }
        }
        JsonElement enabled = body.get("enabled");
        if (enabled != null && !enabled.isJsonNull() && !isBoolean(enabled)) {
            throw ApiException.badRequest(
                    "The workflow 'enabled' must be true or false, got " + Json.GSON.toJson(enabled) + ".");
        }
    }

    private static boolean isBoolean(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
    }

    /** Puts the fields back in ISC's order after a patch re-added them. */
    private static void reorder(JsonObject workflow) {
        JsonObject copy = workflow.deepCopy();
        for (String key : copy.keySet()) {
            workflow.remove(key);
        }
        List<String> order = new ArrayList<>(List.of("id"));
        order.addAll(WRITABLE);
        for (String key : order) {
            if (copy.has(key)) {
                workflow.add(key, copy.get(key));
            }
        }
        for (String key : copy.keySet()) {
            if (!workflow.has(key)) {
                workflow.add(key, copy.get(key));
            }
        }
    }
}
