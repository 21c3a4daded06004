package io.github.iscworkflows.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class PositionedJsonParserTest {

    @Test
    void recordsPositionOfEveryMemberKey() throws Exception {
        String text = "{\n  \"name\": \"a\",\n  \"definition\": {\n    \"start\": \"x\"\n  }\n}";

        PositionedJson json = PositionedJsonParser.parse(text);

        assertEquals(new SourcePosition(2, 3), json.positionOf("/name"));
        assertEquals(new SourcePosition(4, 5), json.positionOf("/definition/start"));
        assertEquals(new SourcePosition(4, 5), json.positionOf("/definition/start/missing/deeper"));
    }

    @Test
    void keepsNumberSpelling() throws Exception {
        PositionedJson json =
                PositionedJsonParser.parse("{\"a\": 2, \"b\": 250, \"c\": 1.50, \"d\": true, \"e\": \"true\"}");

        assertEquals(
                "{\"a\":2,\"b\":250,\"c\":1.50,\"d\":true,\"e\":\"true\"}",
                json.root().toString());
    }

    @Test
    void reportsDuplicateKeysWithBothPositions() throws Exception {
        PositionedJson json = PositionedJsonParser.parse("{\n\"a\": 1,\n\"a\": 2\n}");

        assertEquals(1, json.duplicateKeys().size());
        PositionedJson.DuplicateKey duplicate = json.duplicateKeys().get(0);
        assertEquals("/a", duplicate.pointer());
        assertEquals(new SourcePosition(3, 1), duplicate.position());
        assertEquals(new SourcePosition(2, 1), duplicate.firstPosition());
        assertEquals(2, ((JsonObject) json.root()).get("a").getAsInt());
    }

    @Test
    void missingCommaNamesPlaceAndExpectation() {
        JsonSyntaxProblem problem =
                assertThrows(JsonSyntaxProblem.class, () -> PositionedJsonParser.parse("{\n  \"a\": 1\n  \"b\": 2\n}"));

        assertEquals("expected ',' or '}' after the value of \"a\" but found '\"b\":'", problem.getMessage());
        assertEquals(new SourcePosition(3, 3), problem.position());
    }

    @Test
    void trailingCommaIsRejected() {
        JsonSyntaxProblem problem =
                assertThrows(JsonSyntaxProblem.class, () -> PositionedJsonParser.parse("{\"a\": [1, 2,]}"));

        assertEquals("expected a value but found ']}'", problem.getMessage());
        assertEquals(new SourcePosition(1, 13), problem.position());
    }

    @Test
    void unterminatedStringPointsAtItsStart() {
        JsonSyntaxProblem problem =
                assertThrows(JsonSyntaxProblem.class, () -> PositionedJsonParser.parse("{\"a\": \"abc"));

        assertEquals("unterminated string starting at 1:7", problem.getMessage());
    }

    @Test
    void escapesArePointerSafe() throws Exception {
        PositionedJson json = PositionedJsonParser.parse("{\"a/b\": {\"c~d\": 1}}");

        assertEquals(new SourcePosition(1, 10), json.positionOf("/a~1b/c~0d"));
    }
}
