package io.github.iscworkflows.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private static final String JSON = "application/json";

    private OpenApiContract contract;

    @BeforeEach
    void load() {
        contract = OpenApiContract.loadOrSkip();
    }

    @Test
    void findsOperationBehindVersionPrefixAndQuery() {
        OpenApiContract.Operation operation = contract.find("GET", "/v2025/workflows/abc?workflowMetrics=false")
                .orElseThrow();

        assertEquals("getWorkflow", operation.operationId());
        assertEquals("/workflows/{id}", operation.template());
    }

    @Test
    void validWorkflowResponsePasses() {
        List<String> problems = contract.checkResponse(
                "GET",
                "/v2025/workflows/abc",
                200,
                "application/json;charset=utf-8",
                "{\"id\":\"abc\",\"name\":\"A\",\"enabled\":false}");

        assertEquals(List.of(), problems);
    }

    @Test
    void wrongFieldTypeInResponseFails() {
        List<String> problems = contract.checkResponse(
                "GET", "/v2025/workflows/abc", 200, JSON, "{\"id\":\"abc\",\"enabled\":\"yes\"}");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("GET /v2025/workflows/abc -> 200: /enabled"), problems.get(0));
    }

    @Test
    void undeclaredStatusFails() {
        List<String> problems = contract.checkResponse("GET", "/v2025/workflows/abc", 418, JSON, "{}");

        assertEquals(
                List.of(
                        "GET /v2025/workflows/abc -> 418: status 418 is not declared; declared: [200, 400, 401, 403, 404, 429, 500]"),
                problems);
    }

    @Test
    void undeclaredContentTypeFails() {
        List<String> problems = contract.checkResponse("GET", "/v2025/workflows", 200, "text/plain", "[]");

        assertEquals(
                List.of(
                        "GET /v2025/workflows -> 200: the content type 'text/plain' is not declared; declared: [application/json]"),
                problems);
    }

    @Test
    void errorBodyWithWrongShapeFails() {
        List<String> problems = contract.checkResponse(
                "GET", "/v2025/workflows/abc", 404, JSON, "{\"detailCode\":404,\"messages\":[{\"text\":1}]}");

        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void createRequestWithoutNameFails() {
        List<String> problems =
                contract.checkRequest("POST", "/v2025/workflows", Map.of(), JSON, "{\"description\":\"x\"}");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("name"), problems.get(0));
    }

    @Test
    void patchRequestNeedsJsonPatchContentType() {
        List<String> problems = contract.checkRequest(
                "PATCH",
                "/v2025/workflows/abc",
                Map.of(),
                JSON,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"B\"}]");

        assertEquals(
                List.of("PATCH /v2025/workflows/abc: the content type 'application/json' is not declared; declared:"
                        + " [application/json-patch+json]"),
                problems);
    }

    @Test
    void patchOperationWithUnknownOpFails() {
        List<String> problems = contract.checkRequest(
                "PATCH",
                "/v2025/workflows/abc",
                Map.of(),
                "application/json-patch+json",
                "[{\"op\":\"merge\",\"path\":\"/name\"}]");

        assertFalse(problems.isEmpty());
    }

    @Test
    void limitAboveMaximumFails() {
        List<String> problems =
                contract.checkRequest("GET", "/v2025/parameter-storage/parameters", Map.of("limit", "300"), null, null);

        assertEquals(
                List.of("GET /v2025/parameter-storage/parameters: 'limit' is 300, above the maximum 250"), problems);
    }

    @Test
    void undeclaredQueryParameterFails() {
        List<String> problems = contract.checkRequest(
                "GET", "/v2025/parameter-storage/parameters/abc", Map.of("expand", "all"), null, null);

        assertEquals(
                List.of("GET /v2025/parameter-storage/parameters/abc: the query parameter 'expand' is not declared;"
                        + " declared: []"),
                problems);
    }

    @Test
    void knownUndeclaredListParametersPass() {
        List<String> problems = contract.checkRequest(
                "GET",
                "/v2025/workflows",
                Map.of("limit", "250", "offset", "0", "filters", "name eq \"A\""),
                null,
                null);

        assertEquals(List.of(), problems);
    }

    @Test
    void missingRequiredBodyFails() {
        List<String> problems = contract.checkRequest("POST", "/v2025/workflows/abc/test", Map.of(), null, null);

        assertEquals(List.of("POST /v2025/workflows/abc/test: the request body is required"), problems);
    }

    @Test
    void assertResponseListsEveryProblem() {
        AssertionError error = assertThrows(
                AssertionError.class, () -> contract.assertResponse("GET", "/v2025/nothing", 200, JSON, "{}"));

        assertEquals(
                "OpenAPI contract violated:\n  GET /v2025/nothing -> 200: the document has no operation GET /nothing",
                error.getMessage());
    }
}
