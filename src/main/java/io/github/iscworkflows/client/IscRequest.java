package io.github.iscworkflows.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request as the client means it, before retries.
 *
 * @param method HTTP method
 * @param path path below the tenant URL, starting with {@code /}, segments already encoded
 * @param query query parameters in order, not encoded
 * @param body request body, or null
 * @param contentType media type of the body, or null
 * @param authenticated whether to send the bearer token
 * @param idempotent whether the request may be repeated after a 5xx or a failure once it was sent
 */
record IscRequest(
        String method,
        String path,
        List<Map.Entry<String, String>> query,
        String body,
        String contentType,
        boolean authenticated,
        boolean idempotent) {

    static final String JSON = "application/json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String FORM = "application/x-www-form-urlencoded";

    static IscRequest api(String method, String path, List<Map.Entry<String, String>> query, String body, String type) {
        boolean idempotent = !"POST".equals(method);
        return new IscRequest(method, path, query == null ? List.of() : query, body, type, true, idempotent);
    }

    /** Returns the path and query for logs, with the query decoded so that filters read naturally. */
    String display() {
        if (query.isEmpty()) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        query.forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        return path + "?" + String.join("&", parts);
    }

    /** Returns the path and query as sent, percent-encoded. */
    String encodedPathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        query.forEach(e -> parts.add(encode(e.getKey()) + "=" + encode(e.getValue())));
        return path + "?" + String.join("&", parts);
    }

    /** Percent-encodes a path segment or query value (spaces as {@code %20}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
