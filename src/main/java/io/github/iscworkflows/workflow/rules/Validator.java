package io.github.iscworkflows.workflow.rules;

import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.SourcePosition;
import io.github.iscworkflows.workflow.WorkflowFiles;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every rule over every workflow a {@link WorkflowLoader} found, adds the checks across files, and
 * returns all problems sorted. Offline: no rule touches the network.
 */
public final class Validator {

    public static final String DUPLICATE_NAME = "duplicate-workflow-name";

    /** Every rule id, file-level ones included, in the order of the documentation. */
    public static final List<String> RULE_IDS = List.of(
            WorkflowLoader.RULE_SYNTAX,
            WorkflowLoader.RULE_ENCODING,
            WorkflowLoader.RULE_EMPTY,
            WorkflowLoader.RULE_BOM,
            WorkflowLoader.RULE_DUPLICATE_KEY,
            WorkflowLoader.RULE_NOT_OBJECT,
            WorkflowLoader.RULE_UNKNOWN_SHAPE,
            WorkflowLoader.RULE_SKIPPED,
            WorkflowFiles.RULE_SYMLINK_BROKEN,
            WorkflowFiles.RULE_SYMLINK_LOOP,
            WorkflowShapeRules.NAME_MISSING,
            WorkflowShapeRules.NAME_INVALID,
            WorkflowShapeRules.NAME_WHITESPACE,
            DUPLICATE_NAME,
            WorkflowShapeRules.DEFINITION_MISSING,
            WorkflowShapeRules.ENABLED_IN_SOURCE,
            TriggerRules.TRIGGER_MISSING,
            TriggerRules.TRIGGER_TYPE_UNKNOWN,
            TriggerRules.TRIGGER_ATTRIBUTE_MISSING,
            TriggerRules.FREQUENCY_INVALID,
            TriggerRules.CRON_INVALID,
            TriggerRules.TIME_ZONE_UNKNOWN,
            StepGraphRules.STEPS_EMPTY,
            StepGraphRules.STEP_INVALID,
            StepGraphRules.START_MISSING,
            StepGraphRules.START_UNKNOWN,
            StepGraphRules.TARGET_UNKNOWN,
            StepGraphRules.UNREACHABLE,
            StepGraphRules.NEXT_MISSING,
            StepGraphRules.CYCLE,
            StepGraphRules.TYPE_MISSING,
            StepGraphRules.TYPE_UNKNOWN,
            StepGraphRules.ACTION_UNKNOWN,
            VariableRules.STEP_UNKNOWN,
            VariableRules.STEP_NOT_UPSTREAM,
            VariableRules.FIELD_UNKNOWN,
            VariableRules.JSONPATH_VALUE_INVALID,
            CredentialRules.PARAM_ID_MISSING,
            CredentialRules.OBJECT_MISSING,
            CredentialRules.REF_ID_IN_SOURCE,
            CredentialRules.SECRET_EMPTY,
            CredentialRules.SECRET_LITERAL,
            CredentialRules.HTTP_AUTHENTICATION_MISSING,
            TenantValueRules.OWNER_ID,
            TenantValueRules.PARAMETER_ID,
            TenantValueRules.TENANT_URL);

    private final ValidationOptions options;
    private final List<WorkflowRule> rules;

    public Validator(ValidationOptions options) {
        this.options = options;
        Set<String> knownActions = new HashSet<>(ActionCatalogue.ACTION_IDS);
        knownActions.addAll(options.knownActions());
        this.rules = List.of(
                new WorkflowShapeRules(),
                new TriggerRules(),
                new StepGraphRules(knownActions),
                new VariableRules(),
                new CredentialRules(),
                new TenantValueRules());
    }

    /** Validates everything the loader read; file-level problems from the loader are kept. */
    public ValidationReport validate(LoadResult loaded) {
        Run run = new Run();
        run.addFileProblems(loaded.problems());
        for (WorkflowSource source : loaded.workflows()) {
            run.check(source);
        }
        return run.finish(loaded.filesRead());
    }

    /**
     * Reads and validates the files one at a time, so that only one parsed file is held in memory.
     * Gives the same report as {@code validate(new WorkflowLoader(directory).load(includes, excludes))}.
     */
    public ValidationReport validateFolder(Path directory, List<String> includes, List<String> excludes)
            throws IOException {
        WorkflowLoader loader = new WorkflowLoader(directory);
        WorkflowFiles.Listing listing = WorkflowFiles.scan(directory, includes, excludes);
        Run run = new Run();
        run.addFileProblems(listing.problems());
        for (Path file : listing.files()) {
            List<WorkflowSource> workflows = new ArrayList<>();
            List<Problem> fileProblems = new ArrayList<>();
            loader.readFile(file, workflows, fileProblems);
            run.addFileProblems(fileProblems);
            for (WorkflowSource source : workflows) {
                run.check(source);
            }
        }
        return run.finish(listing.files().size());
    }

    /** The file and position of the first workflow with a given name. */
    private record NameSeen(String file, SourcePosition position) {}

    /** The state of one validation: problems so far and the names seen, for the check across files. */
    private final class Run {
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, NameSeen> names = new HashMap<>();
        private int workflows;

        void addFileProblems(List<Problem> fileProblems) {
            for (Problem problem : fileProblems) {
                if (!options.skipRules().contains(problem.ruleId())) {
                    problems.add(problem);
                }
            }
        }

        void check(WorkflowSource source) {
            workflows++;
            CheckedWorkflow checked = CheckedWorkflow.of(source);
            Findings findings = new Findings(source, options.skipRules(), problems);
            for (WorkflowRule rule : rules) {
                rule.check(checked, findings);
            }
            checkDuplicateName(source);
        }

        /** Deploy finds workflows by name, so two workflows with one name would overwrite each other. */
        private void checkDuplicateName(WorkflowSource source) {
            String name = source.name();
            if (name == null || name.isBlank() || options.skipRules().contains(DUPLICATE_NAME)) {
                return;
            }
            SourcePosition position = source.positionOf("/name");
            NameSeen earlier = names.putIfAbsent(name, new NameSeen(source.displayPath(), position));
            if (earlier != null) {
                problems.add(new Problem(
                        source.displayPath(),
                        position,
                        Severity.ERROR,
                        DUPLICATE_NAME,
                        "workflow name '" + name + "' is also used at " + earlier.file() + ":" + earlier.position()
                                + "; deploy finds workflows by name, so one would overwrite the other. Rename one"
                                + " of them."));
            }
        }

        ValidationReport finish(int files) {
            problems.sort(Problem.ORDER);
            return new ValidationReport(files, workflows, problems);
        }
    }
}
