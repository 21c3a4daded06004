package io.github.iscworkflows.references;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Parameter Storage parameters and their reference records. Each parameter and each reference
 * list is requested at most once per instance, because many workflows usually share a few parameters.
 */
final class ParameterLookup {

    private final IscApi api;
    private final Map<String, Optional<JsonObject>> parameters = new HashMap<>();
    private final Map<String, Optional<List<JsonObject>>> references = new HashMap<>();

    ParameterLookup(IscApi api) {
        this.api = api;
    }

    /** Returns the parameter, or empty when the tenant has none with this id. */
    Optional<JsonObject> parameter(String id) throws IscException {
        Optional<JsonObject> cached = parameters.get(id);
        if (cached == null) {
            cached = api.getParameter(id);
            parameters.put(id, cached);
        }
        return cached;
    }

    /**
     * Returns the parameter's reference records, or empty when ISC returns 404, which the OpenAPI
     * documents for a parameter that does not exist.
     */
    Optional<List<JsonObject>> references(String parameterId) throws IscException {
        Optional<List<JsonObject>> cached = references.get(parameterId);
        if (cached == null) {
            try {
                cached = Optional.of(List.copyOf(api.getParameterReferences(parameterId)));
            } catch (IscException e) {
                if (e.status() != 404) {
                    throw e;
                }
                cached = Optional.empty();
            }
            references.put(parameterId, cached);
        }
        return cached;
    }

    /**
     * Returns whether the parameter exists. The reference list shows that without another request
     * unless it is empty, because a tenant might list no references instead of returning 404.
     */
    boolean exists(String parameterId) throws IscException {
        Optional<List<JsonObject>> listed = references(parameterId);
        if (listed.isEmpty()) {
            return false;
        }
        return !listed.get().isEmpty() || parameter(parameterId).isPresent();
    }
}
