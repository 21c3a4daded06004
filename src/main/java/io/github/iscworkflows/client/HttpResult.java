package io.github.iscworkflows.client;

import java.util.Map;

/**
 * One HTTP response, read completely.
 *
 * @param status HTTP status code
 * @param headers response headers by lower-case name (the first value of each)
 * @param body the body as text, empty when there is none
 */
record HttpResult(int status, Map<String, String> headers, String body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String contentType() {
        return header("content-type");
    }
}
