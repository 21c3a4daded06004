package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single HTTP handler: splits off the version prefix, finds the route, counts the request,
 * applies faults, checks the token and the rate limit, calls the handler and writes the response.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final String TOKEN_PATH = "/oauth/token";
    private static final String CONTROL_PREFIX = "/emulator/";

    private final List<Route> apiRoutes;
    private final List<Route> controlRoutes;
    private final Route tokenRoute;
    private final RequestStats stats;
    private final Faults faults;
    private final TokenIssuer tokens;
    private final RateLimiter rateLimiter;
    private final RequestRecorder recorder;

    Dispatcher(
            List<Route> apiRoutes,
            List<Route> controlRoutes,
            Route tokenRoute,
            RequestStats stats,
            Faults faults,
            TokenIssuer tokens,
            RateLimiter rateLimiter,
            RequestRecorder recorder) {
        this.apiRoutes = apiRoutes;
        this.controlRoutes = controlRoutes;
        this.tokenRoute = tokenRoute;
        this.stats = stats;
        this.faults = faults;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Response response;
            try {
                response = dispatch(exchange, body);
            } catch (ApiException e) {
                response = new Response(e.status(), e.body(), e.headers());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Emulator handler failed on " + exchange.getRequestURI(), e);
                ApiException error =
                        ApiException.standard(500, "500.0 Internal Fault", "An internal fault occurred: " + e);
                response = new Response(500, error.body(), Map.of());
            }
            if (response != null) {
                write(exchange, response);
            }
            if (response != null && response.afterSend() != null) {
                exchange.close();
                response.afterSend().run();
            }
        }
    }

    /** Returns the response, or null after dropping the connection. */
    private Response dispatch(HttpExchange exchange, String body) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();

        if (rawPath.startsWith(CONTROL_PREFIX)) {
            Request request = new Request(method, rawPath, rawPath, null, rawQuery, exchange.getRequestHeaders(), body);
            return route(controlRoutes, request).handler().handle(request);
        }

        Request request;
        Route route;
        if (rawPath.equals(TOKEN_PATH)) {
            request = new Request(method, rawPath, rawPath, null, rawQuery, exchange.getRequestHeaders(), body);
            route = tokenRoute.method().equals(method) ? tokenRoute : null;
        } else {
            request = apiRequest(method, rawPath, rawQuery, exchange, body);
            route = request == null ? null : findRoute(apiRoutes, request);
        }
        String apiPath = request == null ? rawPath : request.apiPath;
        stats.record(route == null ? method + " " + apiPath : route.key());
        if (request != null) {
            recorder.record(request);
        }

        String decodedQuery = rawQuery == null ? null : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        Fault fault = faults.take(method, rawPath, apiPath, route == null ? null : route.template(), decodedQuery);
        if (fault != null && applyFault(fault, exchange)) {
            return null;
        }
        if (request == null || route == null) {
            throw unknown(method, rawPath, request);
        }
        if (route != tokenRoute) {
            request.clientId = tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            long retryAfter = rateLimiter.acquire(request.clientId + " " + request.version);
            if (retryAfter > 0) {
                throw ApiException.tooManyRequests(retryAfter);
            }
            if (!route.versions().contains(request.version)) {
                throw ApiException.notFound("The path " + rawPath + " does not exist in API version " + request.version
                        + ": this operation exists in " + String.join(", ", new TreeSet<>(route.versions())) + ".");
            }
        }
        return route.handler().handle(request);
    }

    /** Applies a fault; returns true when the connection was dropped and nothing may be written. */
    private static boolean applyFault(Fault fault, HttpExchange exchange) {
        switch (fault.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case DROP -> {
                // Closing before any header is sent makes the JDK server close the TCP connection.
                exchange.close();
                return true;
            }
            default -> throw faultAnswer(fault);
        }
    }

    private static ApiException faultAnswer(Fault fault) {
        if (fault.body() == null) {
            return ApiException.standard(
                    fault.status(), fault.status() + " Injected fault", "Injected fault on " + fault.path() + ".");
        }
        JsonElement body;
        try {
            body = JsonParser.parseString(fault.body());
        } catch (JsonParseException e) {
            body = new JsonPrimitive(fault.body());
        }
        return ApiException.custom(fault.status(), body);
    }

    private static Request apiRequest(
            String method, String rawPath, String rawQuery, HttpExchange exchange, String body) {
        int second = rawPath.indexOf('/', 1);
        if (second < 0) {
            return null;
        }
        String version = rawPath.substring(1, second);
        if (!Route.ALL_VERSIONS.contains(version)) {
            return null;
        }
        return new Request(
                method, rawPath, rawPath.substring(second), version, rawQuery, exchange.getRequestHeaders(), body);
    }

    private static Route findRoute(List<Route> routes, Request request) {
        for (Route route : routes) {
            if (route.method().equals(request.method)) {
                Map<String, String> parameters = route.match(request.apiPath);
                if (parameters != null) {
                    request.pathParameters = parameters;
                    return route;
                }
            }
        }
        return null;
    }

    private static Route route(List<Route> routes, Request request) {
        Route route = findRoute(routes, request);
        if (route == null) {
            throw unknown(request.method, request.rawPath, request);
        }
        return route;
    }

    private static ApiException unknown(String method, String rawPath, Request request) {
        if (request == null) {
            return ApiException.notFound(
                    "The path " + rawPath
                            + " does not exist: API paths start with a version such as /v2025 (also /v3, /beta, /v2024, /v2026).");
        }
        return ApiException.notFound("No operation " + method + " " + rawPath + " exists on this emulator.");
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = Json.GSON.toJson(response.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
