package io.github.iscworkflows.emulator;

import java.util.Map;

/**
 * One API request as the emulator received it, for tests that check what a client sent.
 *
 * @param method HTTP method
 * @param path path as sent, version prefix included, without the query
 * @param query decoded query parameters (first value of each name)
 * @param contentType the {@code Content-Type} header, or null
 * @param body the body, empty when none
 */
public record RecordedRequest(String method, String path, Map<String, String> query, String contentType, String body) {}
