package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.util.List;

/** Builds POST and PUT bodies from a resolved source workflow. */
final class RequestBodies {

    private RequestBodies() {}

    /**
     * The POST body: no read-only fields, no {@code enabled} (ISC rejects creating an enabled workflow and
     * enabling is the job of {@code isc:enable}), and no {@code refID}s, which ISC creates per workflow.
     */
    static JsonObject create(JsonObject desired) {
        JsonObject body = WorkflowJson.withoutReadOnlyFields(desired);
        body.remove("enabled");
        RefIdCarryOver.strip(body);
        return body;
    }

    /**
     * The PUT body: the whole workflow with {@code enabled: false}, because ISC rejects edits to enabled
     * workflows and deploy disables them first. Parts the source leaves out that a PUT would wipe
     * ({@code trigger}, {@code owner}) are taken from the tenant, and the tenant's live {@code refID}s
     * are carried over.
     */
    static JsonObject update(JsonObject desired, JsonObject remote, List<String> notes) {
        JsonObject body = completed(desired, remote);
        body.addProperty("enabled", false);
        RefIdCarryOver.apply(body, remote, notes);
        return body;
    }

    /**
     * The source without read-only fields, with {@code trigger} and {@code owner} from the tenant when
     * missing, and the tenant's literal secrets where the source has {@code null} (as exports and backups do).
     */
    static JsonObject completed(JsonObject desired, JsonObject remote) {
        JsonObject body = WorkflowJson.withoutReadOnlyFields(desired);
        SecretMasking.carryOver(body, remote);
        for (String field : List.of("trigger", "owner")) {
            if (!body.has(field) && remote.has(field) && !remote.get(field).isJsonNull()) {
                body.add(field, remote.get(field).deepCopy());
            }
        }
        return body;
    }
}
