package io.github.iscworkflows.client;

/**
 * The OAuth scopes each call needs, as the security section of ISC's v2025 OpenAPI lists them, for
 * the hint in a 403 message.
 */
final class ScopeHints {

    private ScopeHints() {}

    /**
     * Returns the scopes that grant {@code method} on {@code path} (a path below the API version, such
     * as {@code /workflows/abc}), or null when the path is not one the client calls.
     */
    static String requiredScopes(String method, String path) {
        boolean read = "GET".equals(method);
        if (path.startsWith("/workflows/execute/external") || path.matches("/workflows/[^/]+/test")) {
            return "sp:workflow-execute:external";
        }
        if (path.startsWith("/workflows") || path.startsWith("/workflow-library")) {
            return read ? "sp:workflow:read or sp:workflow:manage" : "sp:workflow:manage";
        }
        if (path.startsWith("/workflow-executions")) {
            return read ? "sp:workflow-execution:read or sp:workflow:manage" : "sp:workflow-execute:external";
        }
        if (path.startsWith("/parameter-storage")) {
            return read ? "sp:parameter-storage:read or sp:parameter-storage:manage" : "sp:parameter-storage:manage";
        }
        if (path.startsWith("/identities")) {
            // NOTE: taken from the public v2025 identities API; the bundled OpenAPI covers only
            // workflows and Parameter Storage.
            return "idn:identity:read";
        }
        return null;
    }
}
