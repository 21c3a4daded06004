package io.github.iscworkflows.references;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Parameter Storage parameters and their reference records, each parameter at most once per
 * run, because many workflows usually share a few parameters.
 */
final class ParameterLookup {

    private final IscApi api;
    private final Map<String, Optional<JsonObject>> parameters = new HashMap<>();
    private final Map<String, List<JsonObject>> references = new HashMap<>();

    ParameterLookup(IscApi api) {
        this.api = api;
    }

    /** The parameter, or empty when the tenant has none with this id. */
    Optional<JsonObject> parameter(String id) throws IscException {
        Optional<JsonObject> cached = parameters.get(id);
        if (cached == null) {
            cached = api.getParameter(id);
            parameters.put(id, cached);
        }
        return cached;
    }

    /** The parameter's reference records; empty when the parameter is gone (404). */
    List<JsonObject> references(String parameterId) throws IscException {
        List<JsonObject> cached = references.get(parameterId);
        if (cached == null) {
            try {
                cached = List.copyOf(api.getParameterReferences(parameterId));
            } catch (IscException e) {
                if (e.status() != 404) {
                    throw e;
                }
                cached = List.of();
            }
            references.put(parameterId, cached);
        }
        return cached;
    }
}
