package io.github.iscworkflows.workflow;

/** How serious a finding is; errors fail the build, warnings only with {@code failOnWarning}. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case form used in {@code file:line:col: severity rule-id message} lines. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
