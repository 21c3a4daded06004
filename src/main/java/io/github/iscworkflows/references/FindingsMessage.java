package io.github.iscworkflows.references;

import io.github.iscworkflows.support.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Formats the gate's findings as one text, grouped by workflow, for the build failure and the log. */
public final class FindingsMessage {

    /** Finding lines shown before the rest is summarised as "... and N more". */
    public static final int MAX_LINES = 50;

    private FindingsMessage() {}

    /**
     * Returns the findings that {@code filter} accepts, grouped by workflow, capped at {@link #MAX_LINES}
     * lines; an empty list when none is accepted.
     */
    public static List<String> lines(ReferenceReport report, Predicate<Finding> filter) {
        List<String> lines = new ArrayList<>();
        int shown = 0;
        int hidden = 0;
        for (WorkflowCheck check : report.workflows()) {
            List<Finding> findings = check.findings().stream().filter(filter).toList();
            if (findings.isEmpty()) {
                continue;
            }
            SelectedWorkflow workflow = check.workflow();
            lines.add(
                    "Workflow " + workflow.label() + (workflow.file() == null ? "" : " from " + workflow.file()) + ":");
            for (Finding finding : findings) {
                if (shown < MAX_LINES) {
                    lines.add("  - " + finding.format());
                    shown++;
                } else {
                    hidden++;
                }
            }
        }
        List<Finding> general = report.generalFindings().stream().filter(filter).toList();
        if (!general.isEmpty()) {
            lines.add("All workflows:");
        }
        for (Finding finding : general) {
            lines.add("  - " + finding.message() + " Fix: " + finding.fix());
        }
        if (hidden > 0) {
            lines.add("  ... and " + hidden + " more (all are in the JSON report).");
        }
        return lines;
    }

    /** Builds the failure text: a headline, the failures grouped by workflow, and where the reports are. */
    public static String failure(ReferenceReport report, String jsonReport, String junitReport) {
        long failedWorkflows = report.workflows().stream()
                .filter(w -> w.findings().stream().anyMatch(Finding::isFailure))
                .count();
        StringBuilder text = new StringBuilder();
        text.append("check-references found ")
                .append(report.failureCount())
                .append(report.failureCount() == 1 ? " problem" : " problems")
                .append(" in ")
                .append(failedWorkflows)
                .append(" of ")
                .append(report.workflows().size())
                .append(report.workflows().size() == 1 ? " workflow (" : " workflows (")
                .append(Counts.of(report.credentialCount(), "credential object"))
                .append(" checked):");
        for (String line : lines(report, Finding::isFailure)) {
            text.append('\n').append(line);
        }
        text.append("\nReports: ").append(jsonReport).append(", ").append(junitReport);
        return text.toString();
    }
}
