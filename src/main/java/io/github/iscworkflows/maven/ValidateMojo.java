package io.github.iscworkflows.maven;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.rules.ValidationOptions;
import io.github.iscworkflows.workflow.rules.ValidationReport;
import io.github.iscworkflows.workflow.rules.ValidationReportWriter;
import io.github.iscworkflows.workflow.rules.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every workflow file under {@code workflowsDirectory} offline and reports every problem of every
 * file in one run, as {@code file:line:col: severity rule-id message} lines and in
 * {@code target/isc/validate-report.json}. Fails the build on errors, and on warnings when
 * {@code failOnWarning} is set. The rules are listed in docs/validate.md.
 */
@Mojo(name = ValidateMojo.GOAL, defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractIscMojo {

    public static final String GOAL = "validate";

    /** File name of the JSON report in {@code target/isc}. */
    public static final String REPORT_FILE = "validate-report.json";

    /** Fails the build on warnings too, not only on errors. */
    @Parameter(property = "isc.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /**
     * Rule ids to switch off, for example {@code tenant-url}. As a property, a comma-separated list:
     * {@code -Disc.validate.skipRules=tenant-url,tenant-owner-id}.
     */
    @Parameter(property = "isc.validate.skipRules")
    protected List<String> skipRules = new ArrayList<>();

    /** Action ids to accept besides the built-in catalogue, for actions ISC added after this release. */
    @Parameter(property = "isc.validate.knownActions")
    protected List<String> knownActions = new ArrayList<>();

    /** Skips this goal only. */
    @Parameter(property = "isc.validate.skip", defaultValue = "false")
    protected boolean skipValidate;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipValidate;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path directory = workflowsFolder();
        if (!Files.isDirectory(directory)) {
            getLog().info("No workflow files: " + directory + " does not exist (set <workflowsDirectory> or"
                    + " -Disc.workflowsDirectory).");
            return;
        }
        Set<String> rulesOff = ValidationGate.commaSeparated(skipRules);
        for (String rule : rulesOff) {
            if (!Validator.RULE_IDS.contains(rule)) {
                getLog().warn("Unknown rule id '" + rule + "' in <skipRules> (isc.validate.skipRules); the rule"
                        + " ids are listed in docs/validate.md.");
            }
        }

        Validator validator =
                new Validator(new ValidationOptions(rulesOff, ValidationGate.commaSeparated(knownActions)));
        ValidationReport report;
        try {
            report = validator.validateFolder(directory, includes, excludes);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Reading workflow files in " + directory + " failed: " + e.getMessage(), e);
        }
        if (report.files() == 0) {
            getLog().info("No workflow files in " + directory + " match the includes and excludes.");
            return;
        }
        report = withProjectPaths(report, directory);

        for (Problem problem : report.problems()) {
            switch (problem.severity()) {
                case ERROR -> getLog().error(problem.format());
                case WARNING -> getLog().warn(problem.format());
                default -> getLog().info(problem.format());
            }
        }
        getLog().info("Validated " + report.summary() + ".");
        Path reportFile = iscOutputDirectory().resolve(REPORT_FILE);
        try {
            ValidationReportWriter.write(report, reportFile);
        } catch (IOException e) {
            throw new MojoExecutionException("Writing " + reportFile + " failed: " + e.getMessage(), e);
        }

        if (report.errors() > 0) {
            throw new MojoFailureException(
                    "isc:validate checked " + report.summary() + ". Fix the problems above or see docs/validate.md.");
        }
        if (failOnWarning && report.warnings() > 0) {
            throw new MojoFailureException("isc:validate checked " + report.summary()
                    + ", and failOnWarning is set (isc.failOnWarning). Fix the problems above or see"
                    + " docs/validate.md.");
        }
    }

    /** Shows file paths relative to the project, so that IDEs and CI servers can link them. */
    private ValidationReport withProjectPaths(ValidationReport report, Path directory) {
        Path base = project != null && project.getBasedir() != null
                ? project.getBasedir().toPath().toAbsolutePath()
                : Path.of("").toAbsolutePath();
        Path absolute = directory.toAbsolutePath();
        String prefix = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
        if (prefix.isEmpty()) {
            return report;
        }
        String folder = prefix.replace('\\', '/') + "/";
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : report.problems()) {
            problems.add(new Problem(
                    folder + problem.file(),
                    problem.position(),
                    problem.severity(),
                    problem.ruleId(),
                    problem.message()));
        }
        return new ValidationReport(report.files(), report.workflows(), problems);
    }
}
