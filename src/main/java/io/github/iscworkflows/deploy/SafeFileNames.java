package io.github.iscworkflows.deploy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns workflow names into file names that work on Linux, macOS and Windows, unique within one folder
 * (compared ignoring case, as on case-insensitive file systems). Thread-safe.
 */
final class SafeFileNames {

    private static final int MAX_LENGTH = 120;
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final Set<String> used = new HashSet<>();

    /** Marks an existing file name as taken. */
    synchronized void reserve(String fileName) {
        used.add(fileName.toLowerCase(Locale.ROOT));
    }

    /** A new unique name {@code <safe name>.json}, with {@code -2}, {@code -3}... added on a clash. */
    synchronized String allocate(String workflowName) {
        String base = sanitise(workflowName);
        String candidate = base + ".json";
        for (int n = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n + ".json";
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** Keeps letters, digits, space, dot, dash and underscore; replaces the rest with underscores. */
    static String sanitise(String name) {
        StringBuilder safe = new StringBuilder();
        String source = name == null ? "" : name.strip();
        for (int i = 0; i < source.length() && safe.length() < MAX_LENGTH; i++) {
            char c = source.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == ' '
                    || c == '.'
                    || c == '-'
                    || c == '_';
            safe.append(allowed ? c : '_');
        }
        String result = safe.toString().strip();
        while (result.endsWith(".")) {
            result = result.substring(0, result.length() - 1);
        }
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isEmpty()) {
            return "workflow";
        }
        if (WINDOWS_RESERVED.contains(result.toLowerCase(Locale.ROOT))) {
            return "_" + result;
        }
        return result;
    }
}
