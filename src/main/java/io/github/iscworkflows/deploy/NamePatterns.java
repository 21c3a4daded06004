package io.github.iscworkflows.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Workflow name patterns where {@code *} matches any text and {@code ?} one character; case-sensitive. */
final class NamePatterns {

    private final List<Pattern> patterns = new ArrayList<>();

    NamePatterns(List<String> globs) {
        for (String glob : globs) {
            patterns.add(toRegex(glob));
        }
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matches(String name) {
        if (name == null) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
