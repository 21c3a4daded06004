package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The emulated tenant: parameters, workflows, reference records, identities and executions, plus the
 * reference mode.
 *
 * <p>Every public method is atomic and returns copies, so tests may change what they get without
 * touching the tenant. Handlers in this package hold the same lock ({@code synchronized (state)}) while
 * they read and write the maps directly.
 *
 * <p>The seed and dump format is one JSON object: {@code parameters}, {@code workflows},
 * {@code references}, {@code identities} and {@code executions} arrays plus {@code mode}.
 */
public final class EmulatorState {

    /** The identity that the emulator's API client acts as: creator and default owner of workflows. */
    static final String CLIENT_IDENTITY_ID = "2c9180835d2e5168015d32f890ca1581";

    static final String CLIENT_IDENTITY_NAME = "Emulator Client";

    final Map<String, JsonObject> parameters = new LinkedHashMap<>();
    final Map<String, JsonObject> workflows = new LinkedHashMap<>();
    final Map<String, JsonObject> references = new LinkedHashMap<>();
    final Map<String, JsonObject> identities = new LinkedHashMap<>();
    final Map<String, JsonObject> executions = new LinkedHashMap<>();

    private ReferenceMode mode = ReferenceMode.NEVER;

    EmulatorState() {
        addClientIdentity();
    }

    public synchronized ReferenceMode mode() {
        return mode;
    }

    public synchronized void mode(ReferenceMode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    // Parameters

    /** Adds a parameter of {@code type} (for example {@code 1.1}, basic) named {@code name}; returns it. */
    public synchronized JsonObject addParameter(String name, String type) {
        JsonObject parameter = new JsonObject();
        parameter.addProperty("name", name);
        parameter.addProperty("type", type);
        return putParameter(parameter);
    }

    /** Stores a parameter, filling {@code id}, {@code ownerId}, {@code publicFields} when absent. */
    public synchronized JsonObject putParameter(JsonObject parameter) {
        JsonObject stored = parameter.deepCopy();
        fillIfAbsent(stored, "id", UUID.randomUUID().toString());
        fillIfAbsent(stored, "ownerId", CLIENT_IDENTITY_ID);
        if (!stored.has("publicFields")) {
            stored.add("publicFields", new JsonObject());
        }
        fillIfAbsent(stored, "lastModifiedAt", Json.now());
        parameters.put(Json.string(stored, "id"), stored);
        return stored.deepCopy();
    }

    public synchronized List<JsonObject> parameters() {
        return copies(parameters);
    }

    public synchronized Optional<JsonObject> parameter(String id) {
        return Optional.ofNullable(parameters.get(id)).map(JsonObject::deepCopy);
    }

    public synchronized Optional<JsonObject> parameterByName(String name) {
        return firstByName(parameters, name);
    }

    // Workflows

    /**
     * Stores a workflow as given, filling the server-side fields it lacks ({@code id}, {@code created},
     * {@code modified}, {@code creator}, {@code owner}, counters, {@code enabled}). No reference mode
     * applies: seeding stores exactly what it is given.
     */
    public synchronized JsonObject putWorkflow(JsonObject workflow) {
        JsonObject stored = workflow.deepCopy();
        fillIfAbsent(stored, "id", UUID.randomUUID().toString());
        String now = Json.now();
        fillIfAbsent(stored, "created", now);
        fillIfAbsent(stored, "modified", now);
        if (!stored.has("creator")) {
            stored.add("creator", clientIdentity());
        }
        if (!stored.has("owner")) {
            stored.add("owner", clientIdentity());
        }
        if (!stored.has("enabled")) {
            stored.addProperty("enabled", false);
        }
        if (!stored.has("executionCount")) {
            stored.addProperty("executionCount", 0);
        }
        if (!stored.has("failureCount")) {
            stored.addProperty("failureCount", 0);
        }
        workflows.put(Json.string(stored, "id"), stored);
        return stored.deepCopy();
    }

    public synchronized List<JsonObject> workflows() {
        return copies(workflows);
    }

    public synchronized Optional<JsonObject> workflow(String id) {
        return Optional.ofNullable(workflows.get(id)).map(JsonObject::deepCopy);
    }

    public synchronized Optional<JsonObject> workflowByName(String name) {
        return firstByName(workflows, name);
    }

    /**
     * Does what disabling and enabling a workflow in the ISC UI does: creates a reference record for
     * every credential object whose {@code refID} is missing or has no record for this workflow, and
     * writes its id as {@code refID}. Credential objects naming a parameter that does not exist are
     * left alone. The {@code enabled} flag is left as it was.
     *
     * @return the updated workflow, or empty when no workflow has this id
     */
    public synchronized Optional<JsonObject> uiToggle(String workflowId) {
        JsonObject workflow = workflows.get(workflowId);
        if (workflow == null) {
            return Optional.empty();
        }
        ReferenceRecords.createMissing(this, workflow);
        return Optional.of(workflow.deepCopy());
    }

    // References

    public synchronized List<JsonObject> references() {
        return copies(references);
    }

    /** The reference records of one parameter, as {@code GET .../parameters/{id}/references} returns them. */
    public synchronized List<JsonObject> referencesOf(String parameterId) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonObject reference : references.values()) {
            if (parameterId.equals(Json.string(reference, "parameterId"))) {
                found.add(reference.deepCopy());
            }
        }
        return found;
    }

    /** Stores a reference record as given, filling {@code id} and {@code consumerId} when absent. */
    public synchronized JsonObject putReference(JsonObject reference) {
        JsonObject stored = reference.deepCopy();
        fillIfAbsent(stored, "id", UUID.randomUUID().toString());
        fillIfAbsent(stored, "consumerId", ReferenceRecords.CONSUMER_ID);
        references.put(Json.string(stored, "id"), stored);
        return stored.deepCopy();
    }

    // Identities

    /** Adds an identity named {@code name} and returns it. */
    public synchronized JsonObject addIdentity(String name) {
        JsonObject identity = new JsonObject();
        identity.addProperty("name", name);
        return putIdentity(identity);
    }

    /** Stores an identity, filling {@code id} (32 hex digits, as ISC ids) when absent. */
    public synchronized JsonObject putIdentity(JsonObject identity) {
        JsonObject stored = identity.deepCopy();
        fillIfAbsent(stored, "id", UUID.randomUUID().toString().replace("-", ""));
        identities.put(Json.string(stored, "id"), stored);
        return stored.deepCopy();
    }

    public synchronized List<JsonObject> identities() {
        return copies(identities);
    }

    // Executions

    /** The recorded workflow executions, each with its {@code history} array. */
    public synchronized List<JsonObject> executions() {
        return copies(executions);
    }

    // Seed and dump

    /** The whole tenant in the seed format; {@link #replace} with it restores the same state. */
    public synchronized JsonObject snapshot() {
        JsonObject snapshot = new JsonObject();
        snapshot.addProperty("mode", mode.label());
        snapshot.add("parameters", array(parameters));
        snapshot.add("workflows", array(workflows));
        snapshot.add("references", array(references));
        snapshot.add("identities", array(identities));
        snapshot.add("executions", array(executions));
        return snapshot;
    }

    /**
     * Replaces the whole tenant with a seed document. Absent arrays mean empty; an absent {@code mode}
     * keeps the current mode.
     *
     * @throws IllegalArgumentException when an array holds something other than objects or the mode
     *     is unknown
     */
    public synchronized void replace(JsonObject seed) {
        ReferenceMode newMode = mode;
        String modeText = Json.string(seed, "mode");
        if (modeText != null) {
            newMode = ReferenceMode.parse(modeText);
        }
        List<JsonObject> newParameters = objects(seed, "parameters");
        List<JsonObject> newWorkflows = objects(seed, "workflows");
        List<JsonObject> newReferences = objects(seed, "references");
        List<JsonObject> newIdentities = objects(seed, "identities");
        List<JsonObject> newExecutions = objects(seed, "executions");
        clearAll();
        mode = newMode;
        newParameters.forEach(this::putParameter);
        newWorkflows.forEach(this::putWorkflow);
        newReferences.forEach(this::putReference);
        newIdentities.forEach(this::putIdentity);
        addClientIdentity();
        for (JsonObject execution : newExecutions) {
            JsonObject stored = execution.deepCopy();
            fillIfAbsent(stored, "id", UUID.randomUUID().toString());
            executions.put(Json.string(stored, "id"), stored);
        }
    }

    /** Removes everything but the API client's own identity; the mode stays. */
    public synchronized void clear() {
        clearAll();
        addClientIdentity();
    }

    private void clearAll() {
        parameters.clear();
        workflows.clear();
        references.clear();
        identities.clear();
        executions.clear();
    }

    /**
     * Lists the API client's identity among the identities unless a seed already defined it, so that
     * {@code ${identity:Emulator Client}} finds the default owner like any other identity.
     */
    private void addClientIdentity() {
        if (!identities.containsKey(CLIENT_IDENTITY_ID)) {
            JsonObject identity = new JsonObject();
            identity.addProperty("id", CLIENT_IDENTITY_ID);
            identity.addProperty("name", CLIENT_IDENTITY_NAME);
            identities.put(CLIENT_IDENTITY_ID, identity);
        }
    }

    static JsonObject clientIdentity() {
        JsonObject identity = new JsonObject();
        identity.addProperty("type", "IDENTITY");
        identity.addProperty("id", CLIENT_IDENTITY_ID);
        identity.addProperty("name", CLIENT_IDENTITY_NAME);
        return identity;
    }

    private static List<JsonObject> objects(JsonObject seed, String key) {
        JsonElement value = seed.get(key);
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            throw new IllegalArgumentException("Invalid state: '" + key + "' must be an array of objects.");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement item : value.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw new IllegalArgumentException(
                        "Invalid state: '" + key + "' holds " + Json.GSON.toJson(item) + ", expected an object.");
            }
            objects.add(item.getAsJsonObject());
        }
        return objects;
    }

    private static void fillIfAbsent(JsonObject object, String key, String value) {
        JsonElement current = object.get(key);
        if (current == null || current.isJsonNull()) {
            object.addProperty(key, value);
        }
    }

    private static List<JsonObject> copies(Map<String, JsonObject> map) {
        List<JsonObject> list = new ArrayList<>(map.size());
        map.values().forEach(value -> list.add(value.deepCopy()));
        return list;
    }

    private static JsonArray array(Map<String, JsonObject> map) {
        JsonArray array = new JsonArray();
        map.values().forEach(value -> array.add(value.deepCopy()));
        return array;
    }

    private static Optional<JsonObject> firstByName(Map<String, JsonObject> map, String name) {
        Function<JsonObject, String> nameOf = object -> Json.string(object, "name");
        return map.values().stream()
                .filter(object -> name.equals(nameOf.apply(object)))
                .findFirst()
                .map(JsonObject::deepCopy);
    }
}
