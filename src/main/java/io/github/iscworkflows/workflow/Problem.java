package io.github.iscworkflows.workflow;

import io.github.iscworkflows.support.LogText;
import java.util.Comparator;

/**
 * One finding about a workflow file.
 *
 * @param file path of the file as shown to the user (relative to the project when possible)
 * @param position where the finding applies
 * @param severity error, warning or info
 * @param ruleId stable id, usable in {@code isc.validate.skipRules}
 * @param message what is wrong, where, why, and how to fix it
 */
public record Problem(String file, SourcePosition position, Severity severity, String ruleId, String message) {

    /** Orders by file, then line, then column, then rule id. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(p -> p.position().line())
            .thenComparingInt(p -> p.position().column())
            .thenComparing(Problem::ruleId);

    /** The compiler-style line: {@code file:line:col: severity rule-id message}. */
    public String format() {
        return LogText.escape(file) + ":" + position.line() + ":" + position.column() + ": " + severity.label() + " "
                + ruleId + " " + LogText.escape(message);
    }
}
