package io.github.iscworkflows.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads workflow files in the three shapes ISC tools produce and returns every workflow found.
 *
 * <p>Shapes: a plain workflow object; a single-object wrapper {@code {version, self?, object}}; an
 * SP-Config export {@code {version, tenant, options, objects: [...]}}. A top-level array of such
 * objects is read element by element. Objects that are not workflows (forms, sources) are skipped with
 * an info line. File-level faults become problems, so one run reports every file.
 */
public final class WorkflowLoader {

    /** Rule ids of the file-level checks. */
    public static final String RULE_SYNTAX = "json-syntax";

    public static final String RULE_ENCODING = "file-encoding";
    public static final String RULE_EMPTY = "file-empty";
    public static final String RULE_BOM = "byte-order-mark";
    public static final String RULE_DUPLICATE_KEY = "duplicate-key";
    public static final String RULE_NOT_OBJECT = "top-level-not-object";
    public static final String RULE_UNKNOWN_SHAPE = "unknown-shape";
    public static final String RULE_SKIPPED = "not-a-workflow";

    private final Path directory;

    public WorkflowLoader(Path directory) {
        this.directory = directory;
    }

    /**
     * Reads every file that the patterns select under the folder.
     *
     * @throws java.nio.file.NotDirectoryException when the folder path names a file
     */
    public LoadResult load(List<String> includes, List<String> excludes) throws IOException {
        List<WorkflowSource> workflows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        WorkflowFiles.Listing listing = WorkflowFiles.scan(directory, includes, excludes);
        problems.addAll(listing.problems());
        for (Path file : listing.files()) {
            readFile(file, workflows, problems);
        }
        return new LoadResult(listing.files().size(), workflows, problems);
    }

    /** Reads one file, adding its workflows and problems to the lists. */
    public void readFile(Path file, List<WorkflowSource> workflows, List<Problem> problems) throws IOException {
        String display = displayPath(file);
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(
                    display,
                    SourcePosition.START,
                    Severity.ERROR,
                    RULE_ENCODING,
                    "the file is not valid UTF-8; ISC reads workflow JSON as UTF-8. Re-save the file as UTF-8."));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            problems.add(new Problem(
                    display,
                    SourcePosition.START,
                    Severity.WARNING,
                    RULE_BOM,
                    "the file starts with a UTF-8 byte order mark, which JSON (RFC 8259) does not allow and some"
                            + " tools reject. Re-save the file as UTF-8 without BOM."));
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(new Problem(
                    display,
                    SourcePosition.START,
                    Severity.ERROR,
                    RULE_EMPTY,
                    "the file is empty; expected a workflow JSON object. Delete the file or add a workflow."));
            return;
        }
        PositionedJson document;
        try {
            document = PositionedJsonParser.parse(text);
        } catch (JsonSyntaxProblem e) {
            problems.add(new Problem(
                    display, e.position(), Severity.ERROR, RULE_SYNTAX, "invalid JSON: " + e.getMessage() + "."));
            return;
        }
        for (PositionedJson.DuplicateKey duplicate : document.duplicateKeys()) {
            problems.add(new Problem(
                    display,
                    duplicate.position(),
                    Severity.ERROR,
                    RULE_DUPLICATE_KEY,
                    "duplicate key " + lastToken(duplicate.pointer()) + " (first at line "
                            + duplicate.firstPosition().line() + "); only one value can be kept and ISC does not"
                            + " promise which. Remove one of them."));
        }
        JsonElement root = document.root();
        if (root.isJsonArray()) {
            readArray(file, display, document, root.getAsJsonArray(), workflows, problems);
        } else if (root.isJsonObject()) {
            readTopObject(file, display, document, "", root.getAsJsonObject(), workflows, problems);
        } else {
            problems.add(new Problem(
                    display,
                    SourcePosition.START,
                    Severity.ERROR,
                    RULE_NOT_OBJECT,
                    "the top-level value is " + describe(root) + "; expected a workflow object, a wrapper"
                            + " {version, object} or an SP-Config export {version, objects}."));
        }
    }

    private void readArray(
            Path file,
            String display,
            PositionedJson document,
            JsonArray array,
            List<WorkflowSource> workflows,
            List<Problem> problems) {
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            String pointer = "/" + i;
            if (!element.isJsonObject()) {
                problems.add(new Problem(
                        display,
                        document.positionOf(pointer),
                        Severity.ERROR,
                        RULE_NOT_OBJECT,
                        "element " + i + " of the top-level array is " + describe(element)
                                + "; expected a workflow object or a wrapper {version, object}."));
                continue;
            }
            readTopObject(file, display, document, pointer, element.getAsJsonObject(), workflows, problems);
        }
    }

    private void readTopObject(
            Path file,
            String display,
            PositionedJson document,
            String pointer,
            JsonObject object,
            List<WorkflowSource> workflows,
            List<Problem> problems) {
        if (object.has("objects") && object.get("objects").isJsonArray()) {
            JsonArray objects = object.getAsJsonArray("objects");
            for (int i = 0; i < objects.size(); i++) {
                String entryPointer = pointer + "/objects/" + i;
                JsonElement entry = objects.get(i);
                if (!entry.isJsonObject() || !entry.getAsJsonObject().has("object")) {
                    problems.add(new Problem(
                            display,
                            document.positionOf(entryPointer),
                            Severity.ERROR,
                            RULE_UNKNOWN_SHAPE,
                            "SP-Config entry " + i + " has no \"object\"; expected {version, self, object}."));
                    continue;
                }
                readWrapper(file, display, document, entryPointer, entry.getAsJsonObject(), workflows, problems);
            }
            return;
        }
        if (object.has("object")) {
            readWrapper(file, display, document, pointer, object, workflows, problems);
            return;
        }
        classify(file, display, document, pointer, object, null, workflows, problems);
    }

    private void readWrapper(
            Path file,
            String display,
            PositionedJson document,
            String pointer,
            JsonObject wrapper,
            List<WorkflowSource> workflows,
            List<Problem> problems) {
        JsonElement inner = wrapper.get("object");
        String innerPointer = pointer + "/object";
        if (!inner.isJsonObject()) {
            problems.add(new Problem(
                    display,
                    document.positionOf(innerPointer),
                    Severity.ERROR,
                    RULE_UNKNOWN_SHAPE,
                    "\"object\" is " + describe(inner) + "; expected the workflow object."));
            return;
        }
        String declaredType = selfType(wrapper);
        if (declaredType != null && !declaredType.equals("WORKFLOW")) {
            problems.add(skipped(display, document, innerPointer, declaredType, inner.getAsJsonObject()));
            return;
        }
        classify(file, display, document, innerPointer, inner.getAsJsonObject(), declaredType, workflows, problems);
    }

    private void classify(
            Path file,
            String display,
            PositionedJson document,
            String pointer,
            JsonObject object,
            String declaredType,
            List<WorkflowSource> workflows,
            List<Problem> problems) {
        boolean workflowKeys = object.has("definition") || object.has("trigger");
        boolean formKeys = object.has("formElements") || object.has("formInput") || object.has("formConditions");
        if (declaredType == null && formKeys && !workflowKeys) {
            problems.add(skipped(display, document, pointer, "FORM_DEFINITION", object));
            return;
        }
        if (declaredType == null && !workflowKeys && !object.has("name")) {
            problems.add(new Problem(
                    display,
                    document.positionOf(pointer),
                    Severity.ERROR,
                    RULE_UNKNOWN_SHAPE,
                    "this object is not a workflow (no \"name\", \"definition\" or \"trigger\"), nor a wrapper"
                            + " {version, object} or an SP-Config export {version, objects}. Export the workflow"
                            + " again or move the file out of the workflows folder."));
            return;
        }
        workflows.add(new WorkflowSource(file, display, pointer, object, document));
    }

    private static Problem skipped(
            String display, PositionedJson document, String pointer, String type, JsonObject object) {
        JsonElement name = object.get("name");
        String label = name != null && name.isJsonPrimitive() ? " '" + name.getAsString() + "'" : "";
        return new Problem(
                display,
                document.positionOf(pointer),
                Severity.INFO,
                RULE_SKIPPED,
                "skipped " + type + label + ": not a workflow.");
    }

    private static String selfType(JsonObject wrapper) {
        JsonElement self = wrapper.get("self");
        if (self == null || !self.isJsonObject()) {
            return null;
        }
        JsonElement type = self.getAsJsonObject().get("type");
        return type != null && type.isJsonPrimitive() ? type.getAsString() : null;
    }

    private String displayPath(Path file) {
        try {
            return directory.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static String lastToken(String pointer) {
        String token = pointer.substring(pointer.lastIndexOf('/') + 1);
        return "\"" + token.replace("~1", "/").replace("~0", "~") + "\"";
    }

    static String describe(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        return element.getAsJsonPrimitive().isString() ? "a string" : "a " + kind(element);
    }

    private static String kind(JsonElement element) {
        return element.getAsJsonPrimitive().isBoolean() ? "boolean" : "number";
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }
}
