package io.github.iscworkflows.workflow.rules;

import java.util.Collection;
import java.util.Locale;

/**
 * Step keys, the names by which variables refer to steps and to define-variable outputs.
 *
 * <p>ISC derives the key from the step name (the key in {@code steps}, not {@code displayName}) by
 * splitting at spaces, upper-casing the first letter of each word, joining the words and lower-casing
 * the very first letter; the rest of each word is kept. So "Get Access Token" becomes
 * {@code getAccessToken}, "Get List of Identities" {@code getListOfIdentities}, "HTTP Request 1"
 * {@code hTTPRequest1} and a variable "API URL" {@code aPIURL}. Every step reference in the real exports
 * the tests read follows this rule.
 */
public final class StepNames {

    private StepNames() {}

    /** The key by which {@code $.key} refers to a step or a variable named {@code name}. */
    public static String keyOf(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (String word : name.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            key.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            key.append(word, Character.charCount(word.codePointAt(0)), word.length());
        }
        if (key.length() > 0) {
            int first = key.codePointAt(0);
            String lower = new String(Character.toChars(Character.toLowerCase(first)));
            key.replace(0, Character.charCount(first), lower);
        }
        return key.toString();
    }

    /** " Did you mean 'X'?" when a name differs from {@code wanted} only in case or spaces, else "". */
    static String suggestion(String wanted, Collection<String> names) {
        String folded = fold(wanted);
        for (String name : names) {
            if (fold(name).equals(folded)) {
                return " Did you mean '" + name + "'?";
            }
        }
        return "";
    }

    private static String fold(String text) {
        return text.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
