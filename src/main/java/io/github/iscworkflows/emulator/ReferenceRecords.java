package io.github.iscworkflows.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, checks and removes the Parameter Storage reference records that link a parameter to a
 * workflow. A step's {@code refID} is the id of such a record. Callers hold the state's lock.
 */
final class ReferenceRecords {

    /** The consumer id ISC gives references held by workflows. */
    static final String CONSUMER_ID = "sp-workflow-config";

    private ReferenceRecords() {}

    /**
     * Gives every credential object of {@code workflow} a record and {@code refID}, unless it already
     * has a {@code refID} backed by a record for this workflow. Skips objects whose parameter does not
     * exist. Returns how many records were created.
     */
    static int createMissing(EmulatorState state, JsonObject workflow) {
        String workflowId = Json.string(workflow, "id");
        int created = 0;
        for (CredentialObjects.Credential credential : CredentialObjects.find(workflow)) {
            if (isBacked(state, workflowId, credential) || !state.parameters.containsKey(credential.paramId())) {
                continue;
            }
            JsonObject reference = new JsonObject();
            reference.addProperty("id", UUID.randomUUID().toString());
            reference.addProperty("consumerId", CONSUMER_ID);
            reference.addProperty("parameterId", credential.paramId());
            reference.addProperty("name", "Workflow " + workflowId);
            reference.addProperty("usageHint", "{\"workflowId\": \"" + workflowId + "\"}");
            state.references.put(Json.string(reference, "id"), reference);
            credential.setRefId(Json.string(reference, "id"));
            created++;
        }
        return created;
    }

    /** Puts a random {@code refID} with no record behind it on every credential object not backed by one. */
    static void mintDangling(EmulatorState state, JsonObject workflow) {
        String workflowId = Json.string(workflow, "id");
        for (CredentialObjects.Credential credential : CredentialObjects.find(workflow)) {
            if (!isBacked(state, workflowId, credential)) {
                credential.setRefId(UUID.randomUUID().toString());
            }
        }
    }

    /**
     * Whether the credential's {@code refID} names a record of the same parameter whose
     * {@code usageHint} names this workflow.
     */
    static boolean isBacked(EmulatorState state, String workflowId, CredentialObjects.Credential credential) {
        String refId = credential.refId();
        if (refId == null) {
            return false;
        }
        JsonObject reference = state.references.get(refId);
        return reference != null
                && credential.paramId().equals(Json.string(reference, "parameterId"))
                && workflowId.equals(workflowIdOf(reference));
    }

    /**
     * Removes the records of {@code workflowId} whose id no longer appears as a {@code refID} in the
     * workflow, as ISC drops the usage of a parameter that a step stopped using.
     */
    static void removeUnused(EmulatorState state, JsonObject workflow) {
        String workflowId = Json.string(workflow, "id");
        Set<String> inUse = new HashSet<>();
        for (CredentialObjects.Credential credential : CredentialObjects.find(workflow)) {
            if (credential.refId() != null) {
                inUse.add(credential.refId());
            }
        }
        state.references
                .values()
                .removeIf(reference ->
                        workflowId.equals(workflowIdOf(reference)) && !inUse.contains(Json.string(reference, "id")));
    }

    /** Removes every record of a deleted workflow. */
    static void removeAll(EmulatorState state, String workflowId) {
        state.references.values().removeIf(reference -> workflowId.equals(workflowIdOf(reference)));
    }

    /** The {@code workflowId} in a record's {@code usageHint} JSON text, or null. */
    static String workflowIdOf(JsonObject reference) {
        String hint = Json.string(reference, "usageHint");
        if (hint == null) {
            return null;
        }
        try {
            var parsed = JsonParser.parseString(hint);
            return parsed.isJsonObject() ? Json.string(parsed.getAsJsonObject(), "workflowId") : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** Applies the reference mode after a create, update or patch has produced {@code workflow}. */
    static void applyMode(EmulatorState state, JsonObject workflow, boolean created) {
        switch (state.mode()) {
            case ON_CREATE -> createMissing(state, workflow);
            case DANGLING -> mintDangling(state, workflow);
            case ON_ENABLE -> {
                if (Json.isTrue(workflow, "enabled")) {
                    createMissing(state, workflow);
                }
            }
            case NEVER -> {
                // The refIDs the client sent are kept as sent, valid or not.
            }
        }
        if (!created) {
            removeUnused(state, workflow);
        }
    }
}
