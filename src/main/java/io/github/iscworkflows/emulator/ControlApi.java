package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The emulator-only endpoints under {@code /emulator/}: statistics, the UI toggle stand-in, state
 * dump and seed, faults, reference mode and shutdown. They need no token, are not counted, and
 * read JSON bodies whatever their content type, so that a plain {@code curl -d} works.
 */
final class ControlApi {

    private final IscEmulator emulator;

    ControlApi(IscEmulator emulator) {
        this.emulator = emulator;
    }

    List<Route> routes() {
        Set<String> none = Set.of();
        return List.of(
                new Route(
                        "GET",
                        "/emulator/stats",
                        none,
                        request -> Response.ok(emulator.stats().toJson())),
                new Route("POST", "/emulator/stats/reset", none, this::resetStats),
                new Route("POST", "/emulator/workflows/{id}/ui-toggle", none, this::uiToggle),
                new Route(
                        "GET",
                        "/emulator/state",
                        none,
                        request -> Response.ok(emulator.state().snapshot())),
                new Route("POST", "/emulator/state", none, this::seed),
                new Route("GET", "/emulator/faults", none, this::listFaults),
                new Route("POST", "/emulator/faults", none, this::addFault),
                new Route("DELETE", "/emulator/faults", none, this::clearFaults),
                new Route("GET", "/emulator/mode", none, request -> Response.ok(mode())),
                new Route("PUT", "/emulator/mode", none, this::changeMode),
                new Route("POST", "/emulator/shutdown", none, this::shutdown));
    }

    private Response resetStats(Request request) {
        emulator.stats().reset();
        return Response.noContent();
    }

    private Response uiToggle(Request request) {
        String id = request.pathParameter("id");
        return emulator.state()
                .uiToggle(id)
                .map(Response::ok)
                .orElseThrow(() -> ApiException.notFound("The workflow " + id + " does not exist."));
    }

    private Response seed(Request request) {
        try {
            emulator.state().replace(Json.parseObject(request.body));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Response.ok(emulator.state().snapshot());
    }

    private Response listFaults(Request request) {
        JsonArray faults = new JsonArray();
        for (Fault fault : emulator.faults().snapshot()) {
            faults.add(describe(fault));
        }
        return Response.ok(faults);
    }

    /**
     * Body: {@code {"path": "/workflows/{id}", "method": "GET", "times": 2, "status": 503,
     * "body": {...}}}, or {@code "delayMillis": 500}, or {@code "drop": true}; an optional {@code "query"} text
     * limits the fault to requests whose decoded query string contains it.
     */
    private Response addFault(Request request) {
        JsonObject body = Json.parseObject(request.body);
        String path = Json.string(body, "path");
        if (path == null || path.isBlank()) {
            throw ApiException.badRequest("A fault needs a 'path' such as /workflows/{id}.");
        }
        int times = body.has("times") ? body.get("times").getAsInt() : 1;
        Fault fault;
        try {
            if (Json.isTrue(body, "drop")) {
                fault = Fault.drop(path);
            } else if (body.has("delayMillis")) {
                fault = Fault.delay(
                        path, Duration.ofMillis(body.get("delayMillis").getAsLong()));
            } else if (body.has("status")) {
                JsonElement faultBody = body.get("body");
                String text = faultBody == null || faultBody.isJsonNull()
                        ? null
                        : faultBody.isJsonPrimitive() ? faultBody.getAsString() : Json.GSON.toJson(faultBody);
                fault = Fault.status(path, body.get("status").getAsInt(), text);
            } else {
                throw ApiException.badRequest("A fault needs one of 'status', 'delayMillis' or 'drop': true.");
            }
            fault = fault.times(times).method(Json.string(body, "method")).query(Json.string(body, "query"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        emulator.faults().add(fault);
        return Response.ok(describe(fault));
    }

    private Response clearFaults(Request request) {
        emulator.faults().clear();
        return Response.noContent();
    }

    private Response changeMode(Request request) {
        String text = request.body == null ? "" : request.body.trim();
        if (text.startsWith("{")) {
            text = Json.string(Json.parseObject(request.body), "mode");
        }
        try {
            emulator.state().mode(ReferenceMode.parse(text));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Response.ok(mode());
    }

    private Response shutdown(Request request) {
        JsonObject body = new JsonObject();
        body.addProperty("message", "The emulator is stopping.");
        Runnable stopInBackground = () -> {
            Thread stopper = new Thread(emulator::stop, "isc-emulator-shutdown");
            stopper.setDaemon(true);
            stopper.start();
        };
        return new Response(202, body, Map.of(), stopInBackground);
    }

    private JsonObject mode() {
        JsonObject body = new JsonObject();
        body.addProperty("mode", emulator.state().mode().label());
        return body;
    }

    private static JsonObject describe(Fault fault) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", fault.kind().name().toLowerCase(Locale.ROOT));
        json.addProperty("method", fault.method());
        json.addProperty("path", fault.path());
        json.addProperty("times", fault.times());
        if (fault.query() != null) {
            json.addProperty("query", fault.query());
        }
        if (fault.delay() != null) {
            json.addProperty("delayMillis", fault.delay().toMillis());
        }
        if (fault.kind() == Fault.Kind.STATUS) {
            json.addProperty("status", fault.status());
        }
        return json;
    }
}
