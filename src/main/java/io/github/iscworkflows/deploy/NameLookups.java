package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.client.ListingException;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.List;

/**
 * Finds tenant workflows one at a time, after the full listing broke part-way, as it can on tenants with
 * thousands of workflows where paging by offset hits a ceiling. Names go through the server-side name
 * filter and ids through {@code GET /workflows/{id}}. A failed lookup throws, so the planner never decides
 * "absent, so create" on doubt.
 */
final class NameLookups implements RemoteIndex {

    private final IscApi api;
    private final ListingException cause;
    private int lookups;

    NameLookups(IscApi api, ListingException cause) {
        this.api = api;
        this.cause = cause;
    }

    /**
     * Returns whether lookups per name can replace the broken listing: when the listing came back short, or
     * a later page was rejected with a 4xx status. Authentication, permission and rate-limit responses, server
     * errors and network failures cannot, because the lookups would fail the same way.
     */
    static boolean canReplace(ListingException e) {
        if (e.truncated()) {
            return true;
        }
        return e.isClientError() && e.status() != 401 && e.status() != 403;
    }

    @Override
    public JsonObject byId(String id) throws IscException {
        if (id == null) {
            return null;
        }
        lookups++;
        return api.getWorkflow(id).orElse(null);
    }

    @Override
    public List<JsonObject> byName(String name) throws IscException {
        lookups++;
        return api.findWorkflowsByName(name);
    }

    /** Builds the one warning line that states why and how the workflows were matched. */
    String summary(String tenant, int workflows) {
        return "Listing the workflows of " + tenant + " " + where() + " (" + cause.getMessage() + "), so deploy"
                + " matched the " + workflows + " local workflow(s) by name instead (" + lookups + " lookups).";
    }

    /** Builds the failed plan entry of a workflow whose lookup failed, so nothing is written to it. */
    PlannedWorkflow unresolved(WorkflowSource source, String name, IscException e) {
        String message = "looking the workflow up on the tenant failed (" + e.getMessage() + "), so deploy neither"
                + " updates nor creates it. Run isc:deploy again.";
        return new PlannedWorkflow(
                PlanAction.UNRESOLVED, name, source, null, null, WorkflowChanges.NONE, false, List.of(), message);
    }

    /** Builds the failed plan entry of the prune step, which needs the full listing. */
    PlannedWorkflow pruneFailure() {
        String message = "prune needs the full listing of the tenant's workflows, but it " + where() + " ("
                + cause.getMessage() + "). No workflow was pruned; the local workflows were deployed by name. Set"
                + " -Disc.prune=false (or <prune>false</prune>) to deploy without pruning on this tenant.";
        return new PlannedWorkflow(
                PlanAction.UNRESOLVED, "isc.prune", null, null, null, WorkflowChanges.NONE, false, List.of(), message);
    }

    private String where() {
        return cause.truncated()
                ? "ended after " + cause.offset() + " workflows"
                : "failed at offset " + cause.offset();
    }
}
