package io.github.iscworkflows.deploy;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the scalar values of a JSON text with Gson's streaming reader, independently of any tree: each
 * JSON Pointer maps to its type and its text, numbers as spelled in the input.
 */
final class JsonLeaves {

    private JsonLeaves() {}

    /** Pointer to {@code "number 2"}, {@code "string text"}, {@code "boolean true"} or {@code "null"}. */
    static Map<String, String> of(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        Map<String, String> leaves = new LinkedHashMap<>();
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            read(reader, "", leaves);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return leaves;
    }

    private static void read(JsonReader reader, String pointer, Map<String, String> leaves) throws IOException {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    read(reader, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), leaves);
                }
                reader.endObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                for (int i = 0; reader.hasNext(); i++) {
                    read(reader, pointer + "/" + i, leaves);
                }
                reader.endArray();
            }
            case NUMBER -> leaves.put(pointer, "number " + reader.nextString());
            case STRING -> leaves.put(pointer, "string " + reader.nextString());
            case BOOLEAN -> leaves.put(pointer, "boolean " + reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                leaves.put(pointer, "null");
            }
            default -> throw new IllegalStateException("unexpected " + token + " at " + pointer);
        }
    }
}
