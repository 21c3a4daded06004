package io.github.iscworkflows.emulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Gson instances and small tree helpers shared by the emulator. */
final class Json {

    static final Gson GSON =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    static final Gson PRETTY = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create();

    private Json() {}

    /** Parses a request body; an empty or malformed body is a 400. */
    static JsonElement parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("The request body is missing: send a JSON document.");
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + rootMessage(e));
        }
    }

    /** Parses a request body that must be a JSON object. */
    static JsonObject parseObject(String text) {
        JsonElement element = parse(text);
        if (!element.isJsonObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return element.getAsJsonObject();
    }

    /** Returns the string value of {@code key}, or null when it is absent, null or not a string. */
    static String string(JsonObject object, String key) {
        JsonElement value = object == null ? null : object.get(key);
        if (value == null
                || !value.isJsonPrimitive()
                || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        return value.getAsString();
    }

    /** Returns the object value of {@code key}, or null when it is absent or not an object. */
    static JsonObject object(JsonObject object, String key) {
        JsonElement value = object == null ? null : object.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    static boolean isTrue(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null
                && value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    /** Returns the current time as ISC prints it, for example {@code 2026-12-04T16:20:00.123Z}. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
