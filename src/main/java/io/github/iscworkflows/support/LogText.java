package io.github.iscworkflows.support;

/**
 * Makes text from files and tenants safe for one-line log output. A workflow or step name may contain a
 * newline or another control character, which printed raw would split a log line or forge a new one.
 */
public final class LogText {

    private LogText() {}

    /**
     * Returns the text with each control character (C0, DEL, C1) and the Unicode line and paragraph
     * separators written as an escape: {@code \n}, {@code \r}, {@code \t}, or {@code \}{@code uXXXX}.
     * Backslashes are kept as they are, so a name containing a literal {@code \n} looks the same; null
     * stays null.
     */
    public static String escape(String text) {
        if (text == null || !needsEscape(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (isEscaped(c)) {
                        escaped.append(String.format("\\u%04X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Returns the escaped text in single quotes, as names appear in messages: {@code 'Name'}. */
    public static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    /** Returns whether the text contains a character that {@link #escape} rewrites. */
    public static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscaped(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether {@link #escape} rewrites the character: a control character or a line separator. */
    public static boolean isEscaped(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
