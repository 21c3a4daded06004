package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's response: status, JSON body (null for none), extra headers, and an action to run
 * once the response has been sent (null for none).
 */
record Response(int status, JsonElement body, Map<String, String> headers, Runnable afterSend) {

    Response(int status, JsonElement body, Map<String, String> headers) {
        this(status, body, headers, null);
    }

    static Response ok(JsonElement body) {
        return new Response(200, body, Map.of());
    }

    static Response noContent() {
        return new Response(204, null, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, body, copy, afterSend);
    }
}
