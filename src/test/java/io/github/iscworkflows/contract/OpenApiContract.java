package io.github.iscworkflows.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks HTTP requests and responses against ISC's published OpenAPI document for workflows and
 * Parameter Storage (OpenAPI 3.0, schemas validated with the networknt OpenAPI 3.0 dialect).
 *
 * <p>Paths may carry the version prefix ({@code /v2025/workflows/abc}) and a query string. Each
 * check returns the list of problems, empty when the message conforms; the {@code assert...}
 * variants throw an {@link AssertionError} listing them all. Load with {@link #fromSystemProperty()}
 * or {@link #loadOrSkip()}, which read the folder or file named by the system property
 * {@value #PROPERTY}.
 */
public final class OpenApiContract {

    /** System property naming the folder (or file) with the OpenAPI document. */
    public static final String PROPERTY = "isc.openapi";

    /**
     * Query parameters the v2025 document does not declare although ISC serves them: the standard
     * collection parameters on {@code GET /workflows} (documented in the v3 and beta documents only),
     * {@code count} (a standard collection parameter) on the lists the plugin pages through, and
     * {@code workflowMetrics} on {@code GET /workflows/{id}}.
     */
    static final Map<String, Set<String>> UNDECLARED_QUERY_PARAMETERS = Map.of(
            "GET /workflows", Set.of("limit", "offset", "filters", "sorters", "count"),
            "GET /workflows/{id}", Set.of("workflowMetrics"),
            "GET /workflows/{id}/executions", Set.of("count"),
            "GET /workflow-executions/{id}/history", Set.of("count"),
            "GET /parameter-storage/parameters", Set.of("count"),
            "GET /parameter-storage/parameters/{id}/references", Set.of("count"));

    private static final String DOCUMENT_IRI = "urn:isc-openapi:document";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final Path source;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One operation of the document: its method, path template and JSON Pointer. */
    public record Operation(String method, String template, String operationId, String pointer) {}

    private OpenApiContract(Path source, JsonNode document, String json) {
        this.source = source;
        this.document = document;
        this.registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /**
     * Loads the document from a {@code .yaml}, {@code .yml} or {@code .json} file, or from the first such
     * file in a folder.
     */
    public static OpenApiContract load(Path location) {
        Path file = Files.isDirectory(location) ? OpenApiPaths.firstDocumentIn(location) : location;
        try {
            String text = Files.readString(file);
            JsonNode tree = file.toString().endsWith(".json")
                    ? JsonMapper.builder().build().readTree(text)
                    : YAMLMapper.builder().build().readTree(text);
            String json = JsonMapper.builder().build().writeValueAsString(tree);
            return new OpenApiContract(file, tree, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenAPI document " + file, e);
        }
    }

    /** Loads the document named by {@value #PROPERTY}; returns empty when the property is unset or names nothing. */
    public static Optional<OpenApiContract> fromSystemProperty() {
        String location = System.getProperty(PROPERTY);
        if (location == null || location.isBlank() || !Files.exists(Path.of(location))) {
            return Optional.empty();
        }
        return Optional.of(load(Path.of(location)));
    }

    /** Like {@link #fromSystemProperty()}, but skips the calling JUnit test with a message when absent. */
    public static OpenApiContract loadOrSkip() {
        Optional<OpenApiContract> contract = fromSystemProperty();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                contract.isPresent(),
                "Skipped: no OpenAPI document at -D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                        + " (the ISC OpenAPI folder is only present next to this project's checkout).");
        return contract.get();
    }

    public Path source() {
        return source;
    }

    /** Lists every operation of the document with one of the methods GET, PUT, POST, DELETE, PATCH. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(
                            method.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            method.getValue().path("operationId").asString(""),
                            "/paths/" + OpenApiPaths.escape(path.getKey()) + "/" + method.getKey()));
                }
            }
        }
        return operations;
    }

    /** Finds the operation serving {@code method} on {@code path} (version prefix and query allowed). */
    public Optional<Operation> find(String method, String path) {
        String bare = OpenApiPaths.stripQuery(OpenApiPaths.stripVersion(path));
        for (Operation operation : operations()) {
            if (operation.method().equalsIgnoreCase(method)
                    && OpenApiPaths.templateMatches(operation.template(), bare)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a response: the status is declared, the content type is one the operation declares, and
     * the body matches the schema. A null or empty body passes when the status declares no content.
     */
    public List<String> checkResponse(String method, String path, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String label = method + " " + path + " -> " + status;
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add(label + ": the document has no operation " + method + " "
                    + OpenApiPaths.stripQuery(OpenApiPaths.stripVersion(path)));
            return problems;
        }
        String responsesPointer = found.get().pointer() + "/responses";
        JsonNode responses = document.at(responsesPointer);
        String key = Integer.toString(status);
        if (!responses.has(key)) {
            if (!responses.has("default")) {
                problems.add(label + ": status " + status + " is not declared; declared: " + responses.propertyNames());
                return problems;
            }
            key = "default";
        }
        String responsePointer = follow(responsesPointer + "/" + OpenApiPaths.escape(key));
        checkContent(label, responsePointer + "/content", contentType, body, false, problems);
        return problems;
    }

    /**
     * Checks a request: the operation exists, every required query parameter is present, each query
     * value fits its schema, no undeclared query parameter is sent (except the known gaps in
     * {@link #UNDECLARED_QUERY_PARAMETERS}), and the body has a declared content type and matches its
     * schema.
     *
     * @param query decoded query parameters, or null for none
     */
    public List<String> checkRequest(
            String method, String path, Map<String, String> query, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String label = method + " " + path;
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add(label + ": the document has no operation " + method + " "
                    + OpenApiPaths.stripQuery(OpenApiPaths.stripVersion(path)));
            return problems;
        }
        Operation operation = found.get();
        Map<String, String> values = query == null ? Map.of() : query;
        Map<String, String> declared = new java.util.LinkedHashMap<>();
        for (JsonNode parameter : document.at(operation.pointer() + "/parameters")) {
            String pointer =
                    parameter.has("$ref") ? pointerOf(parameter.path("$ref").asString()) : null;
            JsonNode resolved = pointer == null ? parameter : document.at(pointer);
            if (!"query".equals(resolved.path("in").asString(""))) {
                continue;
            }
            String name = resolved.path("name").asString();
            declared.put(name, pointer == null ? null : pointer);
            if (resolved.path("required").asBoolean(false) && !values.containsKey(name)) {
                problems.add(label + ": the required query parameter '" + name + "' is missing");
            }
            if (values.containsKey(name)) {
                checkQueryValue(label, name, values.get(name), resolved.path("schema"), problems);
            }
        }
        Set<String> tolerated =
                UNDECLARED_QUERY_PARAMETERS.getOrDefault(operation.method() + " " + operation.template(), Set.of());
        for (String name : values.keySet()) {
            if (!declared.containsKey(name) && !tolerated.contains(name)) {
                problems.add(
                        label + ": the query parameter '" + name + "' is not declared; declared: " + declared.keySet());
            }
        }
        JsonNode requestBody = document.at(operation.pointer() + "/requestBody");
        boolean hasBody = body != null && !body.isEmpty();
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                problems.add(label + ": the operation takes no request body, but one was sent");
            }
            return problems;
        }
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(label + ": the request body is required");
            }
            return problems;
        }
        checkContent(label, operation.pointer() + "/requestBody/content", contentType, body, true, problems);
        return problems;
    }

    /** Throws an {@link AssertionError} listing every problem {@link #checkResponse} finds. */
    public void assertResponse(String method, String path, int status, String contentType, String body) {
        failOn(checkResponse(method, path, status, contentType, body));
    }

    /** Throws an {@link AssertionError} listing every problem {@link #checkRequest} finds. */
    public void assertRequest(String method, String path, Map<String, String> query, String contentType, String body) {
        failOn(checkRequest(method, path, query, contentType, body));
    }

    private void checkContent(
            String label,
            String contentPointer,
            String contentType,
            String body,
            boolean request,
            List<String> problems) {
        JsonNode content = document.at(contentPointer);
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody && !request) {
                problems.add(label + ": no content is declared, but a body was sent");
            }
            return;
        }
        if (!hasBody) {
            problems.add(label + ": a body of type " + content.propertyNames() + " is declared, but none was sent");
            return;
        }
        String mediaType = OpenApiPaths.mediaType(contentType);
        if (!content.has(mediaType)) {
            problems.add(label + ": the content type '" + contentType + "' is not declared; declared: "
                    + content.propertyNames());
            return;
        }
        String schemaPointer = contentPointer + "/" + OpenApiPaths.escape(mediaType) + "/schema";
        if (document.at(schemaPointer).isMissingNode()) {
            return;
        }
        List<Error> errors;
        try {
            errors = schema(schemaPointer).validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            problems.add(label + ": the body is not valid JSON: " + e.getMessage());
            return;
        }
        for (Error error : errors) {
            problems.add(label + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
    }

    private static void checkQueryValue(
            String label, String name, String value, JsonNode schema, List<String> problems) {
        String type = schema.path("type").asString("string");
        if (type.equals("integer")) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                problems.add(label + ": the query parameter '" + name + "' must be an integer, got '" + value + "'");
                return;
            }
            if (schema.has("minimum") && number < schema.path("minimum").asLong()) {
                problems.add(label + ": '" + name + "' is " + number + ", below the minimum "
                        + schema.path("minimum").asLong());
            }
            if (schema.has("maximum") && number > schema.path("maximum").asLong()) {
                problems.add(label + ": '" + name + "' is " + number + ", above the maximum "
                        + schema.path("maximum").asLong());
            }
        } else if (type.equals("boolean") && !value.equals("true") && !value.equals("false")) {
            problems.add(label + ": the query parameter '" + name + "' must be true or false, got '" + value + "'");
        }
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
    }

    /** Follows a {@code $ref} at {@code pointer}, once, returning the pointer of the target. */
    private String follow(String pointer) {
        JsonNode node = document.at(pointer);
        return node.has("$ref") ? pointerOf(node.path("$ref").asString()) : pointer;
    }

    private static String pointerOf(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only local references are supported, got " + ref);
        }
        return ref.substring(1);
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenAPI contract violated:\n  " + String.join("\n  ", problems));
        }
    }
}
