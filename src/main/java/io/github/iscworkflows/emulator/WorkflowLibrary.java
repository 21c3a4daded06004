package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /workflow-library/actions|triggers|operators}: a small catalogue with the ids that real
 * workflows use most, loaded from {@code workflow-library.json} beside this class.
 */
final class WorkflowLibrary {

    private final JsonObject catalogue;

    WorkflowLibrary() {
        try (InputStream in = WorkflowLibrary.class.getResourceAsStream("workflow-library.json")) {
            if (in == null) {
                throw new IllegalStateException("workflow-library.json is missing from the plugin jar.");
            }
            catalogue = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Route> routes() {
        Set<String> all = Route.ALL_VERSIONS;
        return List.of(
                new Route(
                        "GET",
                        "/workflow-library/actions",
                        all,
                        request -> list(request, "actions", Map.of("id", Set.of("eq")))),
                new Route(
                        "GET",
                        "/workflow-library/triggers",
                        all,
                        request -> list(
                                request,
                                "triggers",
                                Map.of("id", Set.of("eq"), "name", Set.of("eq"), "type", Set.of("eq")))),
                new Route("GET", "/workflow-library/operators", all, request -> list(request, "operators", Map.of())));
    }

    private Response list(Request request, String kind, Map<String, Set<String>> filters) {
        List<Filters.Condition> conditions = Filters.parse(request.query("filters"), filters);
        List<JsonObject> matches = new ArrayList<>();
        for (JsonElement item : catalogue.getAsJsonArray(kind)) {
            if (Filters.matchesAll(item.getAsJsonObject(), conditions)) {
                matches.add(item.getAsJsonObject().deepCopy());
            }
        }
        return ListQuery.page(request, matches, Set.of());
    }
}
