package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the handlers see it: the API path has its version prefix removed. */
final class Request {

    final String method;
    /** Path as received, for example {@code /v2025/workflows/abc}. */
    final String rawPath;
    /** Path without the version prefix, for example {@code /workflows/abc}. */
    final String apiPath;
    /** {@code v2025}, {@code v3}, {@code beta}...; null for {@code /oauth/token} and {@code /emulator}. */
    final String version;

    final Map<String, String> query;
    final Headers headers;
    final String body;
    Map<String, String> pathParameters = Map.of();
    /** The client id of the bearer token; null before authentication. */
    String clientId;

    Request(
            String method,
            String rawPath,
            String apiPath,
            String version,
            String rawQuery,
            Headers headers,
            String body) {
        this.method = method;
        this.rawPath = rawPath;
        this.apiPath = apiPath;
        this.version = version;
        this.query = parseForm(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    String query(String name) {
        return query.get(name);
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** Returns the media type of the body without parameters, in lower case, or an empty string when absent. */
    String contentType() {
        String value = headers.getFirst("Content-Type");
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the body as a JSON object.
     *
     * @throws ApiException 415 when a body comes with a content type other than JSON, 400 when it is
     *     not a JSON object
     */
    JsonObject jsonObject() {
        String type = contentType();
        if (!type.isEmpty() && !type.equals("application/json") && !type.endsWith("+json")) {
            throw ApiException.standard(
                    415,
                    "415 Unsupported Media Type",
                    method + " " + rawPath + " needs Content-Type application/json, got '" + type + "'.");
        }
        return Json.parseObject(body);
    }

    JsonElement json() {
        return Json.parse(body);
    }

    /** Decodes {@code a=1&b=2} (query strings and form bodies); the first value of a name wins. */
    static Map<String, String> parseForm(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(decode(name), decode(value));
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid percent-encoding in '" + text + "'.");
        }
    }
}
