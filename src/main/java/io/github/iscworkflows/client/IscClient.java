package io.github.iscworkflows.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.iscworkflows.support.BuildLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ISC API over HTTP: OAuth client-credentials token, JSON as Gson trees, paging, retries and
 * decoded errors. Thread-safe; close it to release its connections.
 */
public final class IscClient implements IscApi {

    private final IscClientConfig config;
    private final SecretMasker masker = new SecretMasker();
    private final IscTransport transport;
    private final Paging paging;
    private final BuildLog log;
    private final AtomicBoolean nameFilterRejected = new AtomicBoolean();

    public IscClient(IscClientConfig config) {
        this.config = config;
        this.log = config.log;
        this.transport = new IscTransport(config, masker);
        this.paging = new Paging(transport, log);
    }

    /**
     * Adds a value that must not appear in logs or messages, such as a literal secret found in a workflow
     * file; from now on the client masks it like its own secrets.
     */
    public void addSecret(String secret) {
        masker.add(secret);
    }

    /** Masks the client's known secrets in {@code text}, for callers that put client data in messages. */
    public String mask(String text) {
        return masker.mask(text);
    }

    @Override
    public List<JsonObject> listWorkflows(String filters) throws IscException {
        return paging.listObjects(api("/workflows"), filters);
    }

    @Override
    public List<JsonObject> findWorkflowsByName(String name) throws IscException {
        List<JsonObject> candidates = null;
        if (!nameFilterRejected.get()) {
            try {
                candidates = listWorkflows(nameFilter(name));
            } catch (IscException e) {
                if (e.status() != 400 || e instanceof TokenRequestException) {
                    throw e;
                }
                nameFilterRejected.set(true);
                log.info("The tenant rejected the name filter on " + api("/workflows") + " (" + e.getMessage()
                        + "); finding workflows by name through the full listing from now on.");
            }
        }
        if (candidates == null) {
            candidates = listWorkflows(null);
        }
        List<JsonObject> matches = new ArrayList<>();
        for (JsonObject candidate : candidates) {
            JsonElement candidateName = candidate.get("name");
            if (candidateName == null || !candidateName.isJsonPrimitive()) {
                log.debug("Ignoring a workflow without a name in the listing: " + masker.mask(candidate.toString()));
            } else if (candidateName.getAsString().equals(name)) {
                matches.add(candidate);
            }
        }
        return matches;
    }

    /** Returns the filter {@code name eq "..."}, with backslashes and quotes in the name escaped. */
    static String nameFilter(String name) {
        return "name eq \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public Optional<JsonObject> getWorkflow(String id) throws IscException {
        return getOptional(api("/workflows/" + IscRequest.encode(id)), List.of(Map.entry("workflowMetrics", "false")));
    }

    /**
     * Waits before each name lookup after a create whose outcome is unknown: ISC may still be processing
     * the POST when the first lookups run, so the client looks a few times before it gives up.
     */
    static final List<Duration> CREATE_LOOKUP_DELAYS =
            List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

    /**
     * Creates a workflow. The POST is never sent twice once it may have reached the server: when it fails
     * after it was sent (5xx, timeout, broken connection), ISC may have created the workflow anyway, or may
     * still be creating it. So the client looks the workflow up by name a few times (see
     * {@link #CREATE_LOOKUP_DELAYS}) and returns it when it appears; when it does not appear, the create
     * fails with a message that says so. Only a failure to connect, when nothing was sent, is retried.
     */
    @Override
    public JsonObject createWorkflow(JsonObject body) throws IscException {
        IscRequest request = IscRequest.api("POST", api("/workflows"), null, JsonBodies.print(body), IscRequest.JSON);
        try {
            return object(request, transport.send(request));
        } catch (IscException e) {
            // Without a token or a connection the create was never sent, so its outcome is known.
            boolean outcomeUnknown = !(e instanceof TokenRequestException)
                    && !(e instanceof UnsentRequestException)
                    && (e.status() == 0 || e.status() >= 500);
            JsonElement name = body.get("name");
            if (!outcomeUnknown || name == null || !name.isJsonPrimitive()) {
                throw e;
            }
            return recoverCreate(name.getAsString(), e);
        }
    }

    private JsonObject recoverCreate(String name, IscException failure) throws IscException {
        log.warn(sentence(failure.getMessage()) + "Checking whether ISC created workflow \"" + name + "\" anyway.");
        Duration waited = Duration.ZERO;
        for (Duration delay : CREATE_LOOKUP_DELAYS) {
            pause(delay, failure);
            waited = waited.plus(delay);
            List<JsonObject> found;
            try {
                found = findWorkflowsByName(name);
            } catch (IscException lookup) {
                throw createFailure(
                        failure,
                        "Looking the workflow up by name failed as well (" + lookup.getMessage()
                                + "); check in ISC whether workflow \"" + name + "\" exists. Running deploy again is"
                                + " safe: it matches workflows by name, so it updates the workflow if the create went"
                                + " through and creates it otherwise.");
            }
            if (found.size() == 1) {
                log.info("Workflow \"" + name + "\" exists now (id " + idOf(found.get(0))
                        + "), so the create went through; not sending it again.");
                return found.get(0);
            }
            if (found.size() > 1) {
                throw createFailure(
                        failure,
                        "Afterwards " + found.size() + " workflows named \"" + name + "\" exist on the tenant;"
                                + " delete the extra ones in ISC and run the build again.");
            }
        }
        throw createFailure(
                failure,
                "Workflow \"" + name + "\" did not appear on the tenant in " + CREATE_LOOKUP_DELAYS.size()
                        + " lookups over " + waited.toSeconds() + " s, and the create is not sent again because ISC"
                        + " may still complete it. Running deploy again is safe: it matches workflows by name, so it"
                        + " updates the workflow if the create went through and creates it otherwise.");
    }

    private IscException createFailure(IscException failure, String explanation) {
        return new IscException(
                masker.mask(sentence(failure.getMessage()) + explanation),
                failure.status(),
                failure.detailCode(),
                failure.trackingId(),
                failure.texts(),
                null);
    }

    private void pause(Duration delay, IscException failure) throws IscException {
        try {
            config.time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw createFailure(failure, "Interrupted while checking whether the create went through.");
        }
    }

    @Override
    public JsonObject updateWorkflow(String id, JsonObject body) throws IscException {
        IscRequest request = IscRequest.api(
                "PUT", api("/workflows/" + IscRequest.encode(id)), null, JsonBodies.print(body), IscRequest.JSON);
        return object(request, transport.send(request));
    }

    @Override
    public JsonObject patchWorkflow(String id, JsonArray operations) throws IscException {
        IscRequest request = IscRequest.api(
                "PATCH",
                api("/workflows/" + IscRequest.encode(id)),
                null,
                JsonBodies.print(operations),
                IscRequest.JSON_PATCH);
        return object(request, transport.send(request));
    }

    @Override
    public void deleteWorkflow(String id) throws IscException {
        transport.send(IscRequest.api("DELETE", api("/workflows/" + IscRequest.encode(id)), null, null, null));
    }

    /**
     * Starts a test run. {@code input} is the trigger input; it is sent as {@code {"input": input}}
     * unless it already has that form (a single key {@code input} holding an object).
     */
    @Override
    public JsonObject testWorkflow(String id, JsonObject input) throws IscException {
        JsonObject body;
        if (input.size() == 1 && input.has("input") && input.get("input").isJsonObject()) {
            body = input;
        } else {
            body = new JsonObject();
            body.add("input", input);
        }
        IscRequest request = IscRequest.api(
                "POST",
                api("/workflows/" + IscRequest.encode(id) + "/test"),
                null,
                JsonBodies.print(body),
                IscRequest.JSON);
        return object(request, transport.send(request));
    }

    @Override
    public Optional<JsonObject> getExecution(String executionId) throws IscException {
        return getOptional(api("/workflow-executions/" + IscRequest.encode(executionId)), List.of());
    }

    @Override
    public JsonArray getExecutionHistory(String executionId) throws IscException {
        return paging.listArray(api("/workflow-executions/" + IscRequest.encode(executionId) + "/history"), null);
    }

    @Override
    public List<JsonObject> searchParameters(String filters) throws IscException {
        return paging.listObjects(api("/parameter-storage/parameters"), filters);
    }

    @Override
    public Optional<JsonObject> getParameter(String id) throws IscException {
        return getOptional(api("/parameter-storage/parameters/" + IscRequest.encode(id)), List.of());
    }

    @Override
    public List<JsonObject> getParameterReferences(String parameterId) throws IscException {
        return paging.listObjects(
                api("/parameter-storage/parameters/" + IscRequest.encode(parameterId) + "/references"), null);
    }

    @Override
    public List<JsonObject> searchIdentities(String filters) throws IscException {
        return paging.listObjects(api("/identities"), filters);
    }

    @Override
    public int requestCount() {
        return transport.requestCount();
    }

    @Override
    public void close() {
        transport.close();
    }

    private String api(String path) {
        return "/" + config.apiVersion + path;
    }

    private Optional<JsonObject> getOptional(String path, List<Map.Entry<String, String>> query) throws IscException {
        IscRequest request = IscRequest.api("GET", path, query, null, null);
        try {
            return Optional.of(object(request, transport.send(request)));
        } catch (IscException e) {
            if (e.status() == 404 && !(e instanceof TokenRequestException)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private JsonObject object(IscRequest request, HttpResult result) throws IscException {
        try {
            JsonElement body = JsonBodies.parse(result.body());
            if (body.isJsonObject()) {
                return body.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below with an excerpt of the body
        }
        throw transport.errors().unreadableBody(request.method(), request.path(), result, "a JSON object");
    }

    /** Ends a message with a full stop and a space, so another sentence can follow. */
    private static String sentence(String message) {
        return message.endsWith(".") ? message + " " : message + ". ";
    }

    private static String idOf(JsonObject workflow) {
        JsonElement id = workflow.get("id");
        return id != null && id.isJsonPrimitive() ? id.getAsString() : "unknown";
    }
}
