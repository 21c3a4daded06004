package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The subset of ISC's collection filter syntax the emulator understands: conditions such as
 * {@code name eq "Send Email"}, {@code enabled eq true} or {@code name in ("a","b")} joined by
 * {@code and}. Operators: {@code eq}, {@code ne}, {@code in}, {@code co}, {@code sw}; values are
 * quoted strings, {@code true}/{@code false}, or bare words.
 */
final class Filters {

    /** One condition; {@code values} has one element except for {@code in}. */
    record Condition(String field, String operator, List<String> values) {

        boolean matches(JsonObject object) {
            JsonElement element = object.get(field);
            String actual = element == null || element.isJsonNull() || !element.isJsonPrimitive()
                    ? null
                    : element.getAsString();
            return switch (operator) {
                case "eq" -> values.get(0).equals(actual);
                case "ne" -> !values.get(0).equals(actual);
                case "in" -> values.contains(actual);
                case "co" ->
                    actual != null
                            && actual.toLowerCase(Locale.ROOT)
                                    .contains(values.get(0).toLowerCase(Locale.ROOT));
                case "sw" -> actual != null && actual.startsWith(values.get(0));
                default -> false;
            };
        }
    }

    private Filters() {}

    /**
     * Parses {@code text}; null or blank means no condition.
     *
     * @param supported field name to the operators allowed on it
     * @throws ApiException 400 naming the first problem and the supported fields
     */
    static List<Condition> parse(String text, Map<String, Set<String>> supported) {
        List<Condition> conditions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return conditions;
        }
        List<String> tokens = tokenize(text);
        int position = 0;
        while (true) {
            if (position + 2 >= tokens.size()) {
                throw invalid(text, "expected 'field operator value'", supported);
            }
            String field = tokens.get(position);
            String operator = tokens.get(position + 1).toLowerCase(Locale.ROOT);
            position += 2;
            Set<String> operators = supported.get(field);
            if (operators == null) {
                throw invalid(text, "the field '" + field + "' is not supported", supported);
            }
            if (!operators.contains(operator)) {
                throw invalid(text, "the operator '" + operator + "' is not supported on '" + field + "'", supported);
            }
            List<String> values = new ArrayList<>();
            if (operator.equals("in")) {
                position = readList(tokens, position, values, text, supported);
            } else {
                values.add(unquote(tokens.get(position)));
                position++;
            }
            conditions.add(new Condition(field, operator, values));
            if (position == tokens.size()) {
                return conditions;
            }
            if (!tokens.get(position).equalsIgnoreCase("and")) {
                throw invalid(text, "expected 'and' before '" + tokens.get(position) + "'", supported);
            }
            position++;
        }
    }

    static boolean matchesAll(JsonObject object, List<Condition> conditions) {
        for (Condition condition : conditions) {
            if (!condition.matches(object)) {
                return false;
            }
        }
        return true;
    }

    private static int readList(
            List<String> tokens, int start, List<String> values, String text, Map<String, Set<String>> supported) {
        int position = start;
        if (position >= tokens.size() || !tokens.get(position).equals("(")) {
            throw invalid(text, "'in' needs a list such as (\"a\",\"b\")", supported);
        }
        position++;
        while (position < tokens.size() && !tokens.get(position).equals(")")) {
            String token = tokens.get(position);
            if (!token.equals(",")) {
                values.add(unquote(token));
            }
            position++;
        }
        if (position >= tokens.size()) {
            throw invalid(text, "the list after 'in' is not closed with ')'", supported);
        }
        return position + 1;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder token = new StringBuilder("\"");
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    token.append(text.charAt(i));
                    i++;
                }
                if (i >= text.length()) {
                    throw ApiException.badRequest("Invalid filter '" + text + "': a quoted value is not closed.");
                }
                tokens.add(token.append('"').toString());
                i++;
            } else {
                int start = i;
                while (i < text.length()
                        && !Character.isWhitespace(text.charAt(i))
                        && "(),\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }

    private static ApiException invalid(String text, String problem, Map<String, Set<String>> supported) {
        StringBuilder fields = new StringBuilder();
        new TreeMap<>(supported).forEach((field, operators) -> {
            if (fields.length() > 0) {
                fields.append(", ");
            }
            fields.append(field)
                    .append(" (")
                    .append(String.join(", ", new TreeSet<>(operators)))
                    .append(')');
        });
        return ApiException.badRequest(
                "Invalid filter '" + text + "': " + problem + ". Supported fields: " + fields + ".");
    }
}
