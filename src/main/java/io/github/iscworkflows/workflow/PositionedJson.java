package io.github.iscworkflows.workflow;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON document with the source position of every value.
 *
 * @param root the Gson tree; numbers keep their source spelling
 * @param positions JSON Pointer (RFC 6901) of each value to its position; for an object member the
 *     position of its key, for an array element the position of the value
 * @param duplicateKeys JSON Pointers of object members whose key occurred more than once in the same
 *     object, at the position of the later occurrence; the tree keeps the last value
 */
public record PositionedJson(
        JsonElement root, Map<String, SourcePosition> positions, List<DuplicateKey> duplicateKeys) {

    /** A key repeated inside one object. */
    public record DuplicateKey(String pointer, SourcePosition position, SourcePosition firstPosition) {}

    /** The position of the value at {@code pointer}, or of its nearest ancestor that has one. */
    public SourcePosition positionOf(String pointer) {
        String current = pointer;
        while (true) {
            SourcePosition position = positions.get(current);
            if (position != null) {
                return position;
            }
            if (current.isEmpty()) {
                return SourcePosition.START;
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }

    /** Escapes one reference token for a JSON Pointer ({@code ~} and {@code /}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
