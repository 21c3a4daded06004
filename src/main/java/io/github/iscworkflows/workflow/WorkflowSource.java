package io.github.iscworkflows.workflow;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.support.LogText;
import java.nio.file.Path;

/**
 * One workflow found in a file, with what is needed to point at its parts.
 *
 * @param file absolute path of the file
 * @param displayPath path shown in messages, relative to the workflows folder
 * @param pointer JSON Pointer of the workflow object inside the file ({@code ""} for a plain file,
 *     {@code /object} for a wrapper, {@code /objects/3/object} inside an SP-Config export)
 * @param workflow the workflow object itself
 * @param document the whole parsed file, for positions
 */
public record WorkflowSource(
        Path file, String displayPath, String pointer, JsonObject workflow, PositionedJson document) {

    /** The workflow's {@code name}, or null when it is missing or not a string. */
    public String name() {
        JsonElement name = workflow.get("name");
        return name != null
                        && name.isJsonPrimitive()
                        && name.getAsJsonPrimitive().isString()
                ? name.getAsString()
                : null;
    }

    /** The position of {@code relativePointer} (a pointer inside the workflow object). */
    public SourcePosition positionOf(String relativePointer) {
        return document.positionOf(pointer + relativePointer);
    }

    /** A human label: the name, or the file when the name is missing. */
    public String label() {
        String name = name();
        return name != null ? LogText.quote(name) : LogText.escape(displayPath);
    }
}
