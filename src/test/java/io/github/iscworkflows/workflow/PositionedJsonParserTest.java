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

    @Test
    void unicodeEscapeWithSignIsRejected() {
        JsonSyntaxProblem problem =
                assertThrows(JsonSyntaxProblem.class, () -> PositionedJsonParser.parse("{\"a\": \"\\u+041\"}"));

        assertEquals("invalid \\u escape \\u+041; expected four hex digits", problem.getMessage());
        assertEquals(new SourcePosition(1, 8), problem.position());
    }

    @Test
    void unicodeEscapeWithFourHexDigitsIsRead() throws Exception {
        PositionedJson json = PositionedJsonParser.parse("{\"a\": \"\\u0041\\u00e9\\uD83D\\uDE80\"}");

        assertEquals("A\u00e9\uD83D\uDE80", ((JsonObject) json.root()).get("a").getAsString());
    }

    @Test
    void carriageReturnAloneEndsLine() throws Exception {
        PositionedJson json = PositionedJsonParser.parse("{\r\"a\": 1,\r\r  \"b\": 2\r}");

        assertEquals(new SourcePosition(2, 1), json.positionOf("/a"));
        assertEquals(new SourcePosition(4, 3), json.positionOf("/b"));
    }

    @Test
    void crlfCountsAsOneLineBreak() throws Exception {
        PositionedJson json = PositionedJsonParser.parse("{\r\n\"a\": 1,\r\n\r\n  \"b\": 2\r\n}");

        assertEquals(new SourcePosition(2, 1), json.positionOf("/a"));
        assertEquals(new SourcePosition(4, 3), json.positionOf("/b"));
    }

    @Test
    void syntaxErrorAfterCarriageReturnsHasEditorLine() {
        JsonSyntaxProblem problem = assertThrows(
                JsonSyntaxProblem.class, () -> PositionedJsonParser.parse("{\r\"name\":\"cr\",\r\"x\": ,\r}"));

        assertEquals("expected a value but found ','", problem.getMessage());
        assertEquals(new SourcePosition(3, 6), problem.position());
    }

    @Test
    void duplicateObjectDropsPositionsOfFirstValue() throws Exception {
        PositionedJson json =
                PositionedJsonParser.parse("{\"a\": {\"x\": 1, \"y\": [2]},\n \"b\": {\"z\": 3},\n \"a\": {\"x\": 4}}");

        assertEquals(new SourcePosition(3, 8), json.positionOf("/a/x"));
        assertEquals(new SourcePosition(3, 2), json.positionOf("/a/y/0"));
        assertEquals(new SourcePosition(2, 8), json.positionOf("/b/z"));
    }

    @Test
    void manyDuplicateKeysBesideLargeArrayAreAllReported() throws Exception {
        // Dropping the first value's positions once scanned every recorded position: minutes for this.
        StringBuilder text = new StringBuilder("{\"list\": [0");
        text.append(", 0".repeat(50_000)).append("], \"x\": {\"deep\": 0}");
        for (int i = 0; i < 50_000; i++) {
            text.append(", \"x\": ").append(i);
        }
        text.append('}');

        PositionedJson json = PositionedJsonParser.parse(text.toString());

        assertEquals(50_000, json.duplicateKeys().size());
        assertEquals(json.positionOf("/x"), json.positionOf("/x/deep"));
        assertEquals(new SourcePosition(1, 150_011), json.positionOf("/list/50000"));
        assertEquals(49_999, ((JsonObject) json.root()).get("x").getAsInt());
    }
}
