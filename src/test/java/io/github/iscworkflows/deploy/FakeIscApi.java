package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory tenant behind {@link IscApi}, with the ISC rules deploy depends on: create rejects
 * {@code enabled: true}, PUT and DELETE reject an enabled workflow, and bodies travel as JSON text.
 * Every call is recorded; a fault hook can fail chosen calls. Thread-safe.
 */
final class FakeIscApi implements IscApi {

    /** One call: method, path and the request body as sent (compact JSON), or null. */
    record Call(String method, String path, String body) {

        boolean isWrite() {
            return !method.equals("GET");
        }
    }

    /** Decides whether a call fails; returns null to let it through. */
    interface Fault {
        IscException check(Call call);
    }

    /** Runs before a write is carried out, for assertions about the state at that moment. */
    interface WriteHook {
        void before(Call call);
    }

    private final Map<String, JsonObject> workflows = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<JsonObject> parameters = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonObject> identities = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile Fault fault = call -> null;
    private volatile WriteHook writeHook = call -> {};
    private volatile boolean mintRefIdsOnCreate;

    // ---- set-up ----

    /** Stores a workflow as the tenant has it and returns its id. */
    String seed(JsonObject workflow) {
        JsonObject stored = roundTrip(workflow);
        String id = stored.has("id") ? stored.get("id").getAsString() : newId();
        stored.addProperty("id", id);
        if (!stored.has("enabled")) {
            stored.addProperty("enabled", false);
        }
        stored.addProperty("created", "2026-01-01T00:00:00Z");
        stored.addProperty("executionCount", 3);
        workflows.put(id, stored);
        return id;
    }

    void addParameter(String id, String name) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("id", id);
        parameter.addProperty("name", name);
        parameter.addProperty("type", "secret");
        parameters.add(parameter);
    }

    void addIdentity(String id, String name) {
        JsonObject identity = new JsonObject();
        identity.addProperty("id", id);
        identity.addProperty("name", name);
        identities.add(identity);
    }

    void failWhen(Fault value) {
        fault = value;
    }

    void beforeWrite(WriteHook hook) {
        writeHook = hook;
    }

    /** Makes create store a fresh {@code refID} in every credential object, as some tenants do. */
    void mintRefIdsOnCreate() {
        mintRefIdsOnCreate = true;
    }

    // ---- inspection ----

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> writes() {
        return calls().stream().filter(Call::isWrite).toList();
    }

    JsonObject stored(String id) {
        return workflows.get(id).deepCopy();
    }

    List<JsonObject> storedWorkflows() {
        synchronized (workflows) {
            return workflows.values().stream().map(JsonObject::deepCopy).toList();
        }
    }

    void clearCalls() {
        calls.clear();
    }

    // ---- IscApi ----

    @Override
    public List<JsonObject> listWorkflows(String filters) throws IscException {
        record(new Call("GET", "/workflows", null));
        return storedWorkflows();
    }

    @Override
    public List<JsonObject> findWorkflowsByName(String name) throws IscException {
        record(new Call("GET", "/workflows?filters=name", null));
        return storedWorkflows().stream()
                .filter(w -> name.equals(Steps.stringOf(w, "name")))
                .toList();
    }

    @Override
    public Optional<JsonObject> getWorkflow(String id) throws IscException {
        record(new Call("GET", "/workflows/" + id, null));
        JsonObject stored = workflows.get(id);
        return Optional.ofNullable(stored == null ? null : stored.deepCopy());
    }

    @Override
    public JsonObject createWorkflow(JsonObject body) throws IscException {
        Call call = record(new Call("POST", "/workflows", WorkflowJson.COMPACT.toJson(body)));
        JsonObject created = JsonParser.parseString(call.body()).getAsJsonObject();
        if (created.has("enabled") && created.get("enabled").getAsBoolean()) {
            throw new IscException("POST /workflows: 400 a workflow cannot be created enabled", 400);
        }
        if (mintRefIdsOnCreate) {
            for (CredentialReference credential : CredentialReference.findAll(created)) {
                credential.object().addProperty("refID", "minted-" + nextId.getAndIncrement());
            }
        }
        String id = newId();
        created.addProperty("id", id);
        created.addProperty("enabled", false);
        created.addProperty("created", "2026-01-01T00:00:00Z");
        workflows.put(id, created);
        return created.deepCopy();
    }

    @Override
    public JsonObject updateWorkflow(String id, JsonObject body) throws IscException {
        Call call = record(new Call("PUT", "/workflows/" + id, WorkflowJson.COMPACT.toJson(body)));
        JsonObject stored = existing(call, id);
        if (stored.get("enabled").getAsBoolean()) {
            throw new IscException("PUT /workflows/" + id + ": 400 an enabled workflow cannot be edited", 400);
        }
        JsonObject updated = JsonParser.parseString(call.body()).getAsJsonObject();
        updated.addProperty("id", id);
        updated.add("created", stored.get("created"));
        if (!updated.has("enabled")) {
            updated.addProperty("enabled", false);
        }
        workflows.put(id, updated);
        return updated.deepCopy();
    }

    @Override
    public JsonObject patchWorkflow(String id, JsonArray operations) throws IscException {
        Call call = record(new Call("PATCH", "/workflows/" + id, WorkflowJson.COMPACT.toJson(operations)));
        JsonObject stored = existing(call, id);
        for (JsonElement operation : operations) {
            JsonObject op = operation.getAsJsonObject();
            String field = op.get("path").getAsString().substring(1);
            stored.add(field, op.get("value").deepCopy());
        }
        return stored.deepCopy();
    }

    @Override
    public void deleteWorkflow(String id) throws IscException {
        Call call = record(new Call("DELETE", "/workflows/" + id, null));
        JsonObject stored = existing(call, id);
        if (stored.get("enabled").getAsBoolean()) {
            throw new IscException("DELETE /workflows/" + id + ": 400 an enabled workflow cannot be deleted", 400);
        }
        workflows.remove(id);
    }

    @Override
    public JsonObject testWorkflow(String id, JsonObject input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<JsonObject> getExecution(String executionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonArray getExecutionHistory(String executionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JsonObject> searchParameters(String filters) throws IscException {
        record(new Call("GET", "/parameter-storage/parameters?filters=" + filters, null));
        return filter(parameters, filters);
    }

    @Override
    public Optional<JsonObject> getParameter(String id) throws IscException {
        record(new Call("GET", "/parameter-storage/parameters/" + id, null));
        return filter(parameters, "id eq \"" + id + "\"").stream().findFirst();
    }

    @Override
    public List<JsonObject> getParameterReferences(String parameterId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JsonObject> searchIdentities(String filters) throws IscException {
        record(new Call("GET", "/identities?filters=" + filters, null));
        return filter(identities, filters);
    }

    @Override
    public int requestCount() {
        return calls.size();
    }

    @Override
    public void close() {}

    // ---- helpers ----

    private Call record(Call call) throws IscException {
        calls.add(call);
        IscException failure = fault.check(call);
        if (failure != null) {
            throw failure;
        }
        if (call.isWrite()) {
            writeHook.before(call);
        }
        return call;
    }

    private JsonObject existing(Call call, String id) throws IscException {
        JsonObject stored = workflows.get(id);
        if (stored == null) {
            throw new IscException(call.method() + " " + call.path() + ": 404 not found", 404);
        }
        return stored;
    }

    /** Applies a filter of the form {@code field eq "value"} (or none). */
    private static List<JsonObject> filter(List<JsonObject> objects, String filters) {
        List<JsonObject> copy;
        synchronized (objects) {
            copy = objects.stream().map(JsonObject::deepCopy).toList();
        }
        if (filters == null) {
            return copy;
        }
        int space = filters.indexOf(" eq \"");
        String field = filters.substring(0, space);
        String value = filters.substring(space + 5, filters.length() - 1)
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
        return copy.stream().filter(o -> value.equals(Steps.stringOf(o, field))).toList();
    }

    private String newId() {
        return String.format("wf-%04d", nextId.getAndIncrement());
    }

    private static JsonObject roundTrip(JsonObject workflow) {
        return JsonParser.parseString(WorkflowJson.COMPACT.toJson(workflow)).getAsJsonObject();
    }
}
