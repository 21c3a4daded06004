package io.github.iscworkflows.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour injected into the next {@code times} requests that match {@code method} (null: any)
 * and {@code path}. The path matches the path as sent ({@code /v2025/workflows/abc}), the path without
 * its version prefix ({@code /workflows/abc}) or the route template ({@code /workflows/{id}}).
 *
 * <p>A {@link Kind#DELAY} delays the request by {@code delay} and then serves it normally. A
 * {@link Kind#STATUS} responds with {@code status} and {@code body} (an ISC error body when null). A
 * {@link Kind#DROP} closes the connection without a response. A fault with a {@code query} matches only
 * requests whose decoded query string contains that text, such as {@code filters=name eq}.
 */
public record Fault(
        Kind kind, String method, String path, int times, Duration delay, int status, String body, String query) {

    /** The effect of a fault. */
    public enum Kind {
        DELAY,
        STATUS,
        DROP
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (times < 1) {
            throw new IllegalArgumentException("Invalid fault count " + times + ": use 1 or more.");
        }
        if (kind == Kind.STATUS && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("Invalid fault status " + status + ": use 100 to 599.");
        }
        if (kind == Kind.DELAY && (delay == null || delay.isNegative())) {
            throw new IllegalArgumentException("A delay fault needs a positive delay.");
        }
        method = method == null ? null : method.toUpperCase(java.util.Locale.ROOT);
    }

    /** Delays the next matching request by {@code delay}, then serves it. */
    public static Fault delay(String path, Duration delay) {
        return new Fault(Kind.DELAY, null, path, 1, delay, 0, null, null);
    }

    /** Responds to the next matching request with {@code status} and an ISC error body. */
    public static Fault status(String path, int status) {
        return new Fault(Kind.STATUS, null, path, 1, null, status, null, null);
    }

    /** Responds to the next matching request with {@code status} and {@code body} (sent as JSON). */
    public static Fault status(String path, int status, String body) {
        return new Fault(Kind.STATUS, null, path, 1, null, status, body, null);
    }

    /** Closes the connection of the next matching request without a response. */
    public static Fault drop(String path) {
        return new Fault(Kind.DROP, null, path, 1, null, 0, null, null);
    }

    /** The same fault for the next {@code count} matching requests. */
    public Fault times(int count) {
        return new Fault(kind, method, path, count, delay, status, body, query);
    }

    /** The same fault, only for requests with this HTTP method. */
    public Fault method(String httpMethod) {
        return new Fault(kind, httpMethod, path, times, delay, status, body, query);
    }

    /** Returns the same fault, only for requests whose decoded query string contains {@code text}. */
    public Fault query(String text) {
        return new Fault(kind, method, path, times, delay, status, body, text);
    }

    boolean matches(String requestMethod, String rawPath, String apiPath, String template, String decodedQuery) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        if (query != null && (decodedQuery == null || !decodedQuery.contains(query))) {
            return false;
        }
        return path.equals(rawPath) || path.equals(apiPath) || path.equals(template);
    }
}
