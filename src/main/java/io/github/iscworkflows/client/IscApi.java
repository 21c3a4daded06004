package io.github.iscworkflows.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The ISC API calls the plugin makes, on one tenant and one API version.
 *
 * <p>Bodies are Gson trees, never maps, so numbers and booleans keep their exact spelling.
 * Every method throws {@link IscException} for an ISC error response or a transport failure
 * that retries did not cure.
 */
public interface IscApi extends AutoCloseable {

    /** Lists all workflows, following {@code limit}/{@code offset} pages; {@code filters} may be null. */
    List<JsonObject> listWorkflows(String filters) throws IscException;

    /**
     * Finds workflows by exact name with the server-side filter {@code name eq "..."}, falling back to
     * a full listing when the tenant rejects the filter. Never returns a partial answer: a failed or
     * truncated listing throws.
     */
    List<JsonObject> findWorkflowsByName(String name) throws IscException;

    /** Reads one workflow, with {@code workflowMetrics=false}; empty when ISC answers 404. */
    Optional<JsonObject> getWorkflow(String id) throws IscException;

    /** Creates a workflow (POST); the body must not carry read-only fields or {@code enabled: true}. */
    JsonObject createWorkflow(JsonObject body) throws IscException;

    /** Replaces a workflow (PUT with the full body). */
    JsonObject updateWorkflow(String id, JsonObject body) throws IscException;

    /** Applies RFC 6902 operations (PATCH, {@code application/json-patch+json}). */
    JsonObject patchWorkflow(String id, JsonArray operations) throws IscException;

    /** Deletes a workflow; ISC rejects this for an enabled workflow. */
    void deleteWorkflow(String id) throws IscException;

    /** Starts a test run ({@code POST /workflows/{id}/test}) and returns the response, holding {@code workflowExecutionId}. */
    JsonObject testWorkflow(String id, JsonObject input) throws IscException;

    /** Reads one execution; empty on 404. */
    Optional<JsonObject> getExecution(String executionId) throws IscException;

    /** Reads an execution's history events. */
    JsonArray getExecutionHistory(String executionId) throws IscException;

    /** Searches Parameter Storage ({@code GET /parameter-storage/parameters}); {@code filters} may be null. */
    List<JsonObject> searchParameters(String filters) throws IscException;

    /** Reads one parameter; empty on 404. */
    Optional<JsonObject> getParameter(String id) throws IscException;

    /** Lists the reference records of one parameter. */
    List<JsonObject> getParameterReferences(String parameterId) throws IscException;

    /** Lists identities matching {@code filters} (for example {@code name eq "Jane Doe"}). */
    List<JsonObject> searchIdentities(String filters) throws IscException;

    /** Number of HTTP requests sent so far, token requests and retries included. */
    int requestCount();

    @Override
    void close();
}
