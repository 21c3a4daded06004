package io.github.iscworkflows.emulator;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parameter Storage search, read and references (v2025 and later), and the identity search. */
final class ParameterStorageApi {

    private static final Map<String, Set<String>> PARAMETER_FILTERS = Map.of(
            "id", Set.of("eq", "ne"),
            "name", Set.of("eq", "in", "co"),
            "description", Set.of("co"),
            "ownerId", Set.of("eq"),
            "type", Set.of("eq", "sw"));
    private static final Set<String> PARAMETER_SORTABLE =
            Set.of("id", "name", "ownerId", "type", "description", "lastModifiedAt", "lastModifiedBy");
    private static final Set<String> REFERENCE_SORTABLE =
            Set.of("id", "consumerId", "parameterId", "name", "usageHint");
    private static final Map<String, Set<String>> IDENTITY_FILTERS = Map.of(
            "id", Set.of("eq", "in"),
            "name", Set.of("eq", "in", "sw"),
            "alias", Set.of("eq", "sw"),
            "email", Set.of("eq"));

    private final EmulatorState state;
    private final int maxOffset;

    /** {@code maxOffset}: the offset ceiling of listings, 0 for none. */
    ParameterStorageApi(EmulatorState state, int maxOffset) {
        this.state = state;
        this.maxOffset = maxOffset;
    }

    List<Route> routes() {
        Set<String> parameterVersions = Route.V2025_AND_LATER;
        return List.of(
                new Route("GET", "/parameter-storage/parameters", parameterVersions, this::search),
                new Route("GET", "/parameter-storage/parameters/{id}", parameterVersions, this::get),
                new Route("GET", "/parameter-storage/parameters/{id}/references", parameterVersions, this::references),
                new Route("GET", "/identities", Route.ALL_VERSIONS, this::identities));
    }

    private Response search(Request request) {
        List<Filters.Condition> conditions = Filters.parse(request.query("filters"), PARAMETER_FILTERS);
        List<JsonObject> matches = new ArrayList<>();
        synchronized (state) {
            for (JsonObject parameter : state.parameters.values()) {
                if (Filters.matchesAll(parameter, conditions)) {
                    matches.add(parameter.deepCopy());
                }
            }
        }
        return ListQuery.page(request, matches, PARAMETER_SORTABLE, maxOffset);
    }

    private Response get(Request request) {
        synchronized (state) {
            return Response.ok(existing(request.pathParameter("id")).deepCopy());
        }
    }

    private Response references(Request request) {
        String id = request.pathParameter("id");
        List<JsonObject> found;
        synchronized (state) {
            existing(id);
            found = state.referencesOf(id);
        }
        return ListQuery.page(request, found, REFERENCE_SORTABLE);
    }

    private Response identities(Request request) {
        List<Filters.Condition> conditions = Filters.parse(request.query("filters"), IDENTITY_FILTERS);
        List<JsonObject> matches = new ArrayList<>();
        synchronized (state) {
            for (JsonObject identity : state.identities.values()) {
                if (Filters.matchesAll(identity, conditions)) {
                    matches.add(identity.deepCopy());
                }
            }
        }
        return ListQuery.page(request, matches, Set.of("id", "name", "alias"));
    }

    private JsonObject existing(String id) {
        JsonObject parameter = state.parameters.get(id);
        if (parameter == null) {
            throw ApiException.notFound("The parameter " + id + " does not exist.");
        }
        return parameter;
    }
}
