package io.github.iscworkflows.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Turns an ISC error response into an {@link IscException} whose message shows every text of the body.
 *
 * <p>ISC returns errors in several shapes: {@code {detailCode, trackingId, messages[{text}], causes}},
 * {@code {error, error_description}} on 401, {@code {errorName, errorMessage}} on 409, and
 * {@code {message, details: {name: text}}} when a workflow save or enable is refused. Bodies that are
 * not JSON (an HTML page from a proxy, a truncated answer) are shown as an excerpt.
 */
final class ErrorDecoder {

    static final int EXCERPT_LENGTH = 200;

    private final SecretMasker masker;

    ErrorDecoder(SecretMasker masker) {
        this.masker = masker;
    }

    /** Decodes a response with an error status; {@code hint} (may be null) is appended as a sentence. */
    IscException decode(String method, String path, HttpResult result, String hint) {
        String head = method + " " + path + " returned " + statusLine(result.status());
        JsonElement body = tryParse(result.body());
        StringBuilder message = new StringBuilder(head);

        String detailCode = null;
        String trackingId = null;
        List<String> texts = List.of();
        if (body != null && body.isJsonObject()) {
            JsonObject object = body.getAsJsonObject();
            detailCode = string(object, "detailCode");
            trackingId = string(object, "trackingId");
            texts = texts(object);
        }

        if (!texts.isEmpty()) {
            message.append(": ").append(String.join("; ", texts));
        } else if (body == null || !body.isJsonObject()) {
            message.append(describeBody(result));
        } else if (detailCode == null && trackingId == null) {
            message.append(": ").append(excerpt(result.body()));
        }

        List<String> codes = new ArrayList<>();
        if (detailCode != null) {
            codes.add("detailCode " + detailCode);
        }
        if (trackingId != null) {
            codes.add("trackingId " + trackingId);
        }
        if (!codes.isEmpty()) {
            message.append(" (").append(String.join(", ", codes)).append(')');
        }
        if (hint != null) {
            message.append(". ").append(hint);
        }
        return new IscException(
                masker.mask(message.toString()), result.status(), detailCode, trackingId, maskAll(texts), null);
    }

    /** Builds the exception for a successful status whose body is not the JSON the call expects. */
    IscException unreadableBody(String method, String path, HttpResult result, String expected) {
        String message = method + " " + path + " returned " + statusLine(result.status()) + " but the body is not "
                + expected + describeBody(result);
        return new IscException(masker.mask(message), result.status());
    }

    static String statusLine(int status) {
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }

    /** Describes a body that could not be decoded: content type, length and an excerpt with secrets masked. */
    private String describeBody(HttpResult result) {
        String type = result.contentType() == null ? "no content type" : result.contentType();
        String body = result.body() == null ? "" : result.body();
        if (body.isBlank()) {
            return " (" + type + ", empty body)";
        }
        return " (" + type + ", " + body.length() + " characters): " + excerpt(body);
    }

    /** Returns the first {@value #EXCERPT_LENGTH} characters on one line, masked before cutting so no secret is split. */
    String excerpt(String body) {
        String oneLine = masker.mask(body).replaceAll("\\s+", " ").trim();
        if (oneLine.length() <= EXCERPT_LENGTH) {
            return "\"" + oneLine + "\"";
        }
        return "\"" + oneLine.substring(0, EXCERPT_LENGTH) + "...\"";
    }

    private static JsonElement tryParse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonBodies.parse(body);
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** Returns every human-readable text of an error body, in body order, without duplicates. */
    static List<String> texts(JsonObject body) {
        Set<String> texts = new LinkedHashSet<>();
        addMessageTexts(body.get("messages"), texts);
        addMessageTexts(body.get("causes"), texts);
        for (String key : List.of("errorName", "errorMessage", "error", "error_description", "message")) {
            addText(string(body, key), texts);
        }
        JsonElement details = body.get("details");
        if (details != null && details.isJsonObject()) {
            details.getAsJsonObject()
                    .entrySet()
                    .forEach(e -> addText(e.getKey() + ": " + flatten(e.getValue()), texts));
        } else if (details != null && !details.isJsonNull()) {
            addMessageTexts(details, texts);
        }
        return List.copyOf(texts);
    }

    private static void addMessageTexts(JsonElement element, Set<String> texts) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonArray()) {
            for (JsonElement item : element.getAsJsonArray()) {
                addMessageTexts(item, texts);
            }
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            String text = string(object, "text");
            addText(text != null ? text : object.toString(), texts);
        } else {
            addText(flatten(element), texts);
        }
    }

    private static void addText(String text, Set<String> texts) {
        if (text != null && !text.isBlank()) {
            texts.add(text.trim());
        }
    }

    private static String flatten(JsonElement value) {
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            List<String> parts = new ArrayList<>();
            array.forEach(item -> parts.add(flatten(item)));
            return String.join(", ", parts);
        }
        return value.toString();
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    private List<String> maskAll(List<String> texts) {
        return texts.stream().map(masker::mask).toList();
    }
}
