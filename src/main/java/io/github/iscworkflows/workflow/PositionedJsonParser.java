package io.github.iscworkflows.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser that builds a Gson tree and records where each value stands.
 *
 * <p>Gson's own reader reports no positions for values and silently keeps the last of two equal keys,
 * so the linter needs its own parser. Numbers become {@link LazilyParsedNumber}s holding the source
 * text, so {@code 2} is written back as {@code 2} and never as {@code 2.0}.
 */
public final class PositionedJsonParser {

    private static final int MAX_DEPTH = 512;

    private final String text;
    private int index;
    private int line = 1;
    private int lineStart;
    private final Map<String, SourcePosition> positions = new HashMap<>();
    // Every pointer put into positions, in order: a value's inner pointers form one contiguous run.
    private final List<String> recorded = new ArrayList<>();
    private final List<PositionedJson.DuplicateKey> duplicates = new ArrayList<>();

    private PositionedJsonParser(String text) {
        this.text = text;
    }

    /** Parses one JSON document; a leading byte order mark must have been removed by the caller. */
    public static PositionedJson parse(String text) throws JsonSyntaxProblem {
        PositionedJsonParser parser = new PositionedJsonParser(text);
        parser.skipWhitespace();
        if (parser.index >= text.length()) {
            throw new JsonSyntaxProblem("the file is empty; expected a JSON object", parser.position());
        }
        parser.positions.put("", parser.position());
        JsonElement root = parser.readValue("", 0);
        parser.skipWhitespace();
        if (parser.index < text.length()) {
            throw new JsonSyntaxProblem(
                    "expected end of file after the top-level value but found " + parser.describeCurrent(),
                    parser.position());
        }
        return new PositionedJson(root, Map.copyOf(parser.positions), List.copyOf(parser.duplicates));
    }

    private SourcePosition position() {
        return new SourcePosition(line, index - lineStart + 1);
    }

    private void record(String pointer, SourcePosition position) {
        positions.put(pointer, position);
        recorded.add(pointer);
    }

    private JsonElement readValue(String pointer, int depth) throws JsonSyntaxProblem {
        if (depth > MAX_DEPTH) {
            throw new JsonSyntaxProblem("nesting deeper than " + MAX_DEPTH + " levels", position());
        }
        if (index >= text.length()) {
            throw new JsonSyntaxProblem("unexpected end of file; expected a value", position());
        }
        char c = text.charAt(index);
        switch (c) {
            case '{':
                return readObject(pointer, depth);
            case '[':
                return readArray(pointer, depth);
            case '"':
                return new JsonPrimitive(readString());
            case 't':
                expectWord("true");
                return new JsonPrimitive(Boolean.TRUE);
            case 'f':
                expectWord("false");
                return new JsonPrimitive(Boolean.FALSE);
            case 'n':
                expectWord("null");
                return JsonNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return new JsonPrimitive(new LazilyParsedNumber(readNumber()));
                }
                throw new JsonSyntaxProblem("expected a value but found " + describeCurrent(), position());
        }
    }

    private JsonObject readObject(String pointer, int depth) throws JsonSyntaxProblem {
        JsonObject object = new JsonObject();
        Map<String, SourcePosition> seen = new HashMap<>();
        Map<String, int[]> innerPointers = new HashMap<>();
        index++;
        skipWhitespace();
        if (peek() == '}') {
            index++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new JsonSyntaxProblem(
                        "expected a member name in double quotes but found " + describeCurrent(), position());
            }
            SourcePosition keyPosition = position();
            String key = readString();
            String memberPointer = pointer + "/" + PositionedJson.escape(key);
            skipWhitespace();
            if (peek() != ':') {
                throw new JsonSyntaxProblem(
                        "expected ':' after member name \"" + key + "\" but found " + describeCurrent(), position());
            }
            index++;
            skipWhitespace();
            SourcePosition first = seen.putIfAbsent(key, keyPosition);
            if (first != null) {
                duplicates.add(new PositionedJson.DuplicateKey(memberPointer, keyPosition, first));
                // Only the pointers recorded while reading the earlier value, not every pointer so far.
                int[] run = innerPointers.get(key);
                for (int i = run[0]; i < run[1]; i++) {
                    positions.remove(recorded.get(i));
                }
            }
            record(memberPointer, keyPosition);
            int runStart = recorded.size();
            object.add(key, readValue(memberPointer, depth + 1));
            innerPointers.put(key, new int[] {runStart, recorded.size()});
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                index++;
            } else if (next == '}') {
                index++;
                return object;
            } else {
                throw new JsonSyntaxProblem(
                        "expected ',' or '}' after the value of \"" + key + "\" but found " + describeCurrent(),
                        position());
            }
        }
    }

    private JsonArray readArray(String pointer, int depth) throws JsonSyntaxProblem {
        JsonArray array = new JsonArray();
        index++;
        skipWhitespace();
        if (peek() == ']') {
            index++;
            return array;
        }
        while (true) {
            skipWhitespace();
            String elementPointer = pointer + "/" + array.size();
            record(elementPointer, position());
            array.add(readValue(elementPointer, depth + 1));
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                index++;
            } else if (next == ']') {
                index++;
                return array;
            } else {
                throw new JsonSyntaxProblem(
                        "expected ',' or ']' after an array element but found " + describeCurrent(), position());
            }
        }
    }

    private String readString() throws JsonSyntaxProblem {
        SourcePosition start = position();
        index++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw new JsonSyntaxProblem("unterminated string starting at " + start, start);
            }
            char c = text.charAt(index);
            if (c == '"') {
                index++;
                return value.toString();
            }
            if (c == '\\') {
                readEscape(value);
                continue;
            }
            if (c < 0x20) {
                throw new JsonSyntaxProblem(
                        "control character U+" + String.format("%04X", (int) c)
                                + " inside a string; write it as an escape such as \\n",
                        position());
            }
            value.append(c);
            index++;
        }
    }

    private void readEscape(StringBuilder value) throws JsonSyntaxProblem {
        SourcePosition escapePosition = position();
        index++;
        if (index >= text.length()) {
            throw new JsonSyntaxProblem("unterminated escape sequence", escapePosition);
        }
        char c = text.charAt(index++);
        switch (c) {
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case '/' -> value.append('/');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> {
                if (index + 4 > text.length()) {
                    throw new JsonSyntaxProblem("incomplete \\u escape", escapePosition);
                }
                // ASCII hex digits only: Integer.parseInt would also accept a sign such as "+041".
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = hexValue(text.charAt(index + i));
                    if (digit < 0) {
                        throw new JsonSyntaxProblem(
                                "invalid \\u escape \\u" + text.substring(index, index + 4)
                                        + "; expected four hex digits",
                                escapePosition);
                    }
                    code = code * 16 + digit;
                }
                value.append((char) code);
                index += 4;
            }
            default -> throw new JsonSyntaxProblem("invalid escape sequence \\" + c, escapePosition);
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private String readNumber() throws JsonSyntaxProblem {
        SourcePosition start = position();
        int begin = index;
        if (peek() == '-') {
            index++;
        }
        if (peek() == '0') {
            index++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw new JsonSyntaxProblem("invalid number: expected a digit after '-'", start);
        }
        if (peek() == '.') {
            index++;
            if (!isDigit(peek())) {
                throw new JsonSyntaxProblem("invalid number: expected a digit after '.'", position());
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            index++;
            if (peek() == '+' || peek() == '-') {
                index++;
            }
            if (!isDigit(peek())) {
                throw new JsonSyntaxProblem("invalid number: expected a digit in the exponent", position());
            }
            skipDigits();
        }
        return text.substring(begin, index);
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void expectWord(String word) throws JsonSyntaxProblem {
        if (!text.startsWith(word, index)) {
            throw new JsonSyntaxProblem("expected a value but found " + describeCurrent(), position());
        }
        index += word.length();
    }

    private char peek() {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    /** Skips whitespace, counting CR LF, a lone LF and a lone CR each as one line break, as editors do. */
    private void skipWhitespace() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '\n' || c == '\r') {
                index++;
                if (c == '\r' && index < text.length() && text.charAt(index) == '\n') {
                    index++;
                }
                line++;
                lineStart = index;
            } else if (c == ' ' || c == '\t') {
                index++;
            } else {
                return;
            }
        }
    }

    private String describeCurrent() {
        if (index >= text.length()) {
            return "end of file";
        }
        int end = index;
        while (end < text.length() && end - index < 12 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'" + text.substring(index, Math.max(end, index + 1)) + "'";
    }
}
