package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch, operations {@code add}, {@code remove}, {@code replace} and {@code test}, on a
 * Gson tree. Problems become 400 responses that name the operation's index.
 */
final class JsonPatch {

    private JsonPatch() {}

    /** Splits an RFC 6901 JSON Pointer into unescaped tokens; {@code ""} is the whole document. */
    static List<String> tokens(String pointer, int index) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw problem(index, "the path '" + pointer + "' is not a JSON Pointer: it must start with '/'");
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** Applies one operation to {@code document} in place. */
    static void apply(JsonObject document, String op, List<String> path, JsonElement value, int index) {
        if (path.isEmpty()) {
            throw problem(index, "the whole document cannot be patched: name a field such as /description");
        }
        JsonElement parent = document;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = child(parent, path.get(i));
            if (parent == null) {
                throw problem(index, "the path /" + String.join("/", path.subList(0, i + 1)) + " does not exist");
            }
        }
        String last = path.get(path.size() - 1);
        String where = "/" + String.join("/", path);
        switch (op) {
            case "add" -> add(parent, last, value, where, index);
            case "remove" -> remove(parent, last, where, index);
            case "replace" -> {
                if (child(parent, last) == null) {
                    throw problem(index, "the path " + where + " does not exist, so it cannot be replaced: use 'add'");
                }
                remove(parent, last, where, index);
                add(parent, last, value, where, index);
            }
            case "test" -> {
                JsonElement actual = child(parent, last);
                if (actual == null || !actual.equals(value)) {
                    throw problem(
                            index,
                            "test failed: " + where + " is " + (actual == null ? "absent" : Json.GSON.toJson(actual))
                                    + ", expected " + Json.GSON.toJson(value));
                }
            }
            default ->
                throw problem(index, "the operation '" + op + "' is not supported: use add, remove, replace or test");
        }
    }

    private static JsonElement child(JsonElement parent, String token) {
        if (parent.isJsonObject()) {
            return parent.getAsJsonObject().get(token);
        }
        if (parent.isJsonArray()) {
            int position = arrayIndex(token);
            JsonArray array = parent.getAsJsonArray();
            return position >= 0 && position < array.size() ? array.get(position) : null;
        }
        return null;
    }

    private static void add(JsonElement parent, String token, JsonElement value, String where, int index) {
        if (parent.isJsonObject()) {
            parent.getAsJsonObject().add(token, value.deepCopy());
        } else if (parent.isJsonArray()) {
            JsonArray array = parent.getAsJsonArray();
            if (token.equals("-")) {
                array.add(value.deepCopy());
                return;
            }
            int position = arrayIndex(token);
            if (position < 0 || position > array.size()) {
                throw problem(index, "the array index in " + where + " is out of range 0.." + array.size());
            }
            List<JsonElement> items = new ArrayList<>();
            array.forEach(items::add);
            items.add(position, value.deepCopy());
            while (array.size() > 0) {
                array.remove(0);
            }
            items.forEach(array::add);
        } else {
            throw problem(index, "the parent of " + where + " is neither an object nor an array");
        }
    }

    private static void remove(JsonElement parent, String token, String where, int index) {
        if (parent.isJsonObject() && parent.getAsJsonObject().has(token)) {
            parent.getAsJsonObject().remove(token);
            return;
        }
        if (parent.isJsonArray()) {
            int position = arrayIndex(token);
            if (position >= 0 && position < parent.getAsJsonArray().size()) {
                parent.getAsJsonArray().remove(position);
                return;
            }
        }
        throw problem(index, "the path " + where + " does not exist, so it cannot be removed");
    }

    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        if (token.length() > 1 && token.startsWith("0")) {
            return -1;
        }
        return Integer.parseInt(token);
    }

    static ApiException problem(int index, String text) {
        return ApiException.badRequest("Invalid JSON Patch operation " + index + ": " + text + ".");
    }
}
