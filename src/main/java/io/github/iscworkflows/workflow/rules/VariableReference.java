package io.github.iscworkflows.workflow.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A step output named by a JSONPath: {@code $.getIdentity.attributes.email} has root {@code getIdentity}
 * and field {@code attributes}.
 *
 * @param text the path as written, up to the end of its root and first field, for messages
 * @param root the first member after {@code $.}
 * @param field the member after the root, or null
 */
record VariableReference(String text, String root, String field) {

    /** The reference a whole-value JSONPath makes ({@code "$.x.y"}), or null when it names no member. */
    static VariableReference ofPath(String value) {
        String trimmed = value.trim();
        if (!trimmed.startsWith("$.")) {
            return null;
        }
        return parse(trimmed, 0);
    }

    /** The references inside {@code {{...}}} templates of a text. */
    static List<VariableReference> inTemplates(String value) {
        List<VariableReference> found = new ArrayList<>();
        int open = value.indexOf("{{");
        while (open >= 0) {
            int close = value.indexOf("}}", open + 2);
            int end = close < 0 ? value.length() : close;
            int dollar = value.indexOf("$.", open + 2);
            while (dollar >= 0 && dollar < end) {
                VariableReference reference = parse(value, dollar);
                if (reference != null) {
                    found.add(reference);
                }
                dollar = value.indexOf("$.", dollar + 2);
            }
            if (close < 0) {
                break;
            }
            open = value.indexOf("{{", close + 2);
        }
        return found;
    }

    /** Parses {@code $.root.field} at {@code dollar}; null for a function such as {@code $.now()}. */
    private static VariableReference parse(String text, int dollar) {
        int rootStart = dollar + 2;
        int rootEnd = endOfName(text, rootStart);
        if (rootEnd == rootStart || rootEnd < text.length() && text.charAt(rootEnd) == '(') {
            return null;
        }
        String root = text.substring(rootStart, rootEnd);
        String field = null;
        int end = rootEnd;
        if (rootEnd < text.length() && text.charAt(rootEnd) == '.') {
            int fieldEnd = endOfName(text, rootEnd + 1);
            if (fieldEnd > rootEnd + 1 && (fieldEnd >= text.length() || text.charAt(fieldEnd) != '(')) {
                field = text.substring(rootEnd + 1, fieldEnd);
                end = fieldEnd;
            }
        }
        return new VariableReference(text.substring(dollar, end), root, field);
    }

    private static int endOfName(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.'
                    || c == '['
                    || c == '('
                    || c == ')'
                    || c == '}'
                    || c == ','
                    || c == '\''
                    || c == '"'
                    || c == '|'
                    || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }
}
