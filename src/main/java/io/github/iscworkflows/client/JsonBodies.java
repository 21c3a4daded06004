package io.github.iscworkflows.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Strict JSON parsing and printing of Gson trees.
 *
 * <p>Numbers are read as {@code LazilyParsedNumber}, which prints the digits it was read from, so
 * {@code 2}, {@code 250} and {@code 1.50} leave the client spelled as they arrived.
 */
final class JsonBodies {

    private JsonBodies() {}

    /**
     * Parses one complete JSON document.
     *
     * @throws JsonParseException when the text is not exactly one valid JSON value
     */
    static JsonElement parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the end of the JSON document");
            }
            return element;
        } catch (IOException | IllegalStateException | StackOverflowError e) {
            throw new JsonParseException(e.getMessage(), e);
        }
    }

    /** Prints a tree compactly; numbers keep their original spelling. */
    static String print(JsonElement element) {
        return element.toString();
    }
}
