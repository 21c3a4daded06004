package io.github.iscworkflows.maven;

import io.github.iscworkflows.deploy.ResolvedCheck;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.rules.CredentialRules;
import io.github.iscworkflows.workflow.rules.ValidationOptions;
import io.github.iscworkflows.workflow.rules.ValidationReport;
import io.github.iscworkflows.workflow.rules.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs the rules of {@code isc:validate} over the workflows a write goal is about to send, and refuses
 * when any of them finds an error. Warnings do not block.
 */
final class ValidationGate {

    private static final int MAX_LISTED_PROBLEMS = 20;

    private ValidationGate() {}

    /**
     * Validates {@code loaded} with the validate goal's rule settings.
     *
     * @throws MojoFailureException listing the errors, when there is at least one
     */
    static void check(LoadResult loaded, List<String> skipRules, List<String> knownActions)
            throws MojoFailureException {
        Validator validator =
                new Validator(new ValidationOptions(commaSeparated(skipRules), commaSeparated(knownActions)));
        ValidationReport report = validator.validate(loaded);
        List<Problem> errors = report.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .toList();
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Deploy refused: the isc:validate rules find " + errors.size() + " "
                + (errors.size() == 1 ? "error" : "errors") + " in the workflow files; nothing was sent to the"
                + " tenant:");
        errors.stream()
                .limit(MAX_LISTED_PROBLEMS)
                .forEach(p -> message.append("\n  ").append(p.format()));
        if (errors.size() > MAX_LISTED_PROBLEMS) {
            message.append("\n  ... and ")
                    .append(errors.size() - MAX_LISTED_PROBLEMS)
                    .append(" more");
        }
        message.append("\nFix them, or run mvn isc:validate for the full report; skip a rule with"
                + " -Disc.validate.skipRules=<id>.");
        throw new MojoFailureException(message.toString());
    }

    /**
     * The validate rules as a check of the resolved workflows, reporting only errors. Literal secrets are
     * not reported there: a secret field filled from {@code ${env.NAME}} holds the secret only in the
     * request, which is how such a placeholder is meant to be used.
     */
    static ResolvedCheck afterPlaceholders(List<String> skipRules, List<String> knownActions) {
        Set<String> skipped = commaSeparated(skipRules);
        skipped.add(CredentialRules.SECRET_LITERAL);
        Validator validator = new Validator(new ValidationOptions(skipped, commaSeparated(knownActions)));
        return resolved -> {
            ValidationReport report = validator.validate(new LoadResult(resolved.size(), resolved, List.of()));
            List<Problem> errors = new ArrayList<>();
            for (Problem problem : report.problems()) {
                if (problem.severity() == Severity.ERROR) {
                    errors.add(new Problem(
                            problem.file(),
                            problem.position(),
                            problem.severity(),
                            problem.ruleId(),
                            "after placeholders were resolved: " + problem.message()));
                }
            }
            return errors;
        };
    }

    /** Trimmed, non-blank entries, splitting each value at commas because a -D property gives one string. */
    static Set<String> commaSeparated(List<String> values) {
        Set<String> ids = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.trim());
                    }
                }
            }
        }
        return ids;
    }
}
