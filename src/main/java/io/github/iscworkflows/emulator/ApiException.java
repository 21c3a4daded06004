package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * An error response in one of the shapes ISC uses, thrown by a handler and written by the
 * dispatcher.
 */
final class ApiException extends RuntimeException {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int status;
    private final transient JsonElement body;
    private final transient Map<String, String> headers;

    private ApiException(int status, JsonElement body, Map<String, String> headers, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    JsonElement body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** 400 with the ISC error body and detail code {@code 400.1 Bad Request Content}. */
    static ApiException badRequest(String text) {
        return standard(400, "400.1 Bad Request Content", text);
    }

    /** 404 with the ISC error body. */
    static ApiException notFound(String text) {
        return standard(404, "404 Not found", text);
    }

    /** The standard ISC error body: {@code detailCode}, {@code trackingId}, {@code messages}, {@code causes}. */
    static ApiException standard(int status, String detailCode, String text) {
        JsonObject message = new JsonObject();
        message.addProperty("locale", "en-US");
        message.addProperty("localeOrigin", "DEFAULT");
        message.addProperty("text", text);
        JsonArray messages = new JsonArray();
        messages.add(message);
        JsonObject body = new JsonObject();
        body.addProperty("detailCode", detailCode);
        body.addProperty("trackingId", newTrackingId());
        body.add("messages", messages);
        body.add("causes", new JsonArray());
        return new ApiException(status, body, Map.of(), status + " " + text);
    }

    /** 401 with the {@code {"error": ...}} body the ISC gateway sends. */
    static ApiException unauthorized(String error) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        return new ApiException(401, body, Map.of(), "401 " + error);
    }

    /** 400 in the shape of workflow save and enable refusals: {@code {message, details}}. */
    static ApiException workflowRejected(String message, Map<String, String> details) {
        JsonObject detailObject = new JsonObject();
        details.forEach(detailObject::addProperty);
        JsonObject body = new JsonObject();
        body.addProperty("message", message);
        body.add("details", detailObject);
        return new ApiException(400, body, Map.of(), "400 " + message + " " + details);
    }

    /** 429 with {@code Retry-After} in whole seconds. */
    static ApiException tooManyRequests(long retryAfterSeconds) {
        JsonObject body = new JsonObject();
        body.addProperty("message", " Rate Limit Exceeded ");
        return new ApiException(
                429, body, Map.of("Retry-After", Long.toString(retryAfterSeconds)), "429 rate limit exceeded");
    }

    /** Any status with a caller-made body, for injected faults. */
    static ApiException custom(int status, JsonElement body) {
        return new ApiException(status, body, Map.of(), status + " injected");
    }

    static String newTrackingId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
