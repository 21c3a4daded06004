package io.github.iscworkflows.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One operation: method, path template such as {@code /workflows/{id}}, the API versions that serve
 * it and its handler.
 */
record Route(String method, String template, Set<String> versions, Handler handler) {

    /** Every version prefix the emulator serves. */
    static final Set<String> ALL_VERSIONS = Set.of("v3", "beta", "v2024", "v2025", "v2026");

    /** Parameter Storage exists in v2025 and later only. */
    static final Set<String> V2025_AND_LATER = Set.of("v2025", "v2026");

    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    /** The statistics key: {@code GET /workflows/{id}}. */
    String key() {
        return method + " " + template;
    }

    /** The path parameters when {@code path} fits the template, else null. */
    Map<String, String> match(String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }
}
