package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.CredentialReference;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the tenant's live {@code refID}s into an update body.
 *
 * <p>A {@code refID} links one workflow to a Parameter Storage reference record that only ISC creates,
 * so dropping it breaks the credential at run time. A remote {@code refID} is carried to the body's
 * credential object with the same step path, attribute and {@code paramID}. A {@code refID} in the
 * source that the tenant does not have is removed, because it belongs to another workflow or tenant.
 * Each removal and each live {@code refID} that finds no place in the body becomes a note.
 */
final class RefIdCarryOver {

    private record Key(String stepPath, String attribute, String paramId) {

        static Key of(CredentialReference credential) {
            return new Key(credential.stepPath(), credential.attribute(), credential.paramId());
        }

        String describe() {
            return "step '" + stepPath + "' attribute " + attribute + " (paramID " + paramId + ")";
        }
    }

    private RefIdCarryOver() {}

    /** Changes {@code body} in place; returns the notes. */
    static List<String> apply(JsonObject body, JsonObject remote, List<String> notes) {
        Map<Key, String> live = new LinkedHashMap<>();
        for (CredentialReference credential : CredentialReference.findAll(remote)) {
            if (credential.refId() != null && credential.paramId() != null) {
                live.put(Key.of(credential), credential.refId());
            }
        }
        Set<Key> placed = new HashSet<>();
        for (CredentialReference credential : CredentialReference.findAll(body)) {
            Key key = Key.of(credential);
            String remoteRefId = credential.paramId() == null ? null : live.get(key);
            if (remoteRefId != null) {
                if (credential.refId() != null && !credential.refId().equals(remoteRefId)) {
                    notes.add("replaced the file's refID " + credential.refId() + " of " + key.describe()
                            + " with the tenant's " + remoteRefId + ": ISC creates refIDs per workflow, so only"
                            + " the tenant's own is valid.");
                }
                credential.object().addProperty("refID", remoteRefId);
                placed.add(key);
            } else if (credential.object().has("refID")) {
                credential.object().remove("refID");
                if (credential.refId() != null) {
                    notes.add("dropped refID " + credential.refId() + " of " + key.describe()
                            + ": the tenant's workflow has no refID there, and ISC creates refIDs per workflow.");
                }
            }
        }
        for (Map.Entry<Key, String> entry : live.entrySet()) {
            if (!placed.contains(entry.getKey())) {
                notes.add("the tenant's refID " + entry.getValue() + " of "
                        + entry.getKey().describe()
                        + " is not kept because the source no longer has that credential; run isc:check-references"
                        + " after isc:enable.");
            }
        }
        return notes;
    }

    /** Removes every {@code refID} from a create body. */
    static void strip(JsonObject body) {
        for (CredentialReference credential : CredentialReference.findAll(body)) {
            credential.object().remove("refID");
        }
    }
}
