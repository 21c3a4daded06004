package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.DeployOptions;
import io.github.iscworkflows.deploy.DeployResult;
import io.github.iscworkflows.deploy.Deployer;
import io.github.iscworkflows.deploy.PlanException;
import io.github.iscworkflows.deploy.WorkflowOutcome;
import io.github.iscworkflows.support.LogText;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates or updates each workflow of {@code workflowsDirectory} on the tenant, matched by name, and leaves
 * equal ones alone.
 *
 * <p>The goal prints a plan (create, update with the changed fields and steps, unchanged, conflict, prune),
 * then applies it, saving each tenant workflow under {@code target/isc/backup} before changing it. With
 * {@code isc.dryRun} it prints the plan and a diff per changed workflow and writes nothing. It writes
 * {@code target/isc/deploy-report.json}.
 *
 * <p>Before it contacts the tenant, the goal runs the rules of {@code isc:validate} (with its
 * {@code skipRules} and {@code knownActions}) and refuses to deploy, dry run included, when they find an
 * error; warnings do not block. It also fails when the plan cannot be made (unresolved placeholders, two
 * tenant workflows with one name) or any workflow failed.
 */
@Mojo(name = DeployMojo.GOAL, defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployMojo extends AbstractIscMojo {

    public static final String GOAL = "deploy";

    /** Skips this goal only. */
    @Parameter(property = "isc.deploy.skip", defaultValue = "false")
    protected boolean deploySkip;

    /**
     * Rule ids of {@code isc:validate} whose errors do not stop the deploy, shared with the validate goal.
     * As a property, a comma-separated list: {@code -Disc.validate.skipRules=credential-secret-literal}.
     */
    @Parameter(property = "isc.validate.skipRules")
    protected List<String> skipRules = new ArrayList<>();

    /** Action ids to accept besides the built-in catalogue, shared with the validate goal. */
    @Parameter(property = "isc.validate.knownActions")
    protected List<String> knownActions = new ArrayList<>();

    /**
     * Deletes tenant workflows that match {@code pruneIncludes} and have no local file, disabling them first.
     * Needs {@code pruneIncludes}; a dry run lists them.
     */
    @Parameter(property = "isc.prune", defaultValue = "false")
    protected boolean prune;

    /**
     * Name patterns ({@code *} any text, {@code ?} one character) of the tenant workflows that
     * {@code prune} may delete, for example {@code Team A *}. Comma-separated as a property.
     */
    @Parameter(property = "isc.pruneIncludes")
    protected List<String> pruneIncludes = new ArrayList<>();

    /** Number of workflows written at the same time; the client keeps to the tenant's rate limit. */
    @Parameter(property = "isc.parallelism", defaultValue = "4")
    protected int parallelism;

    /**
     * Owner given to workflows whose file has no {@code owner}: an identity id, or {@code identity:NAME} for
     * the identity named NAME. Write it without {@code ${}}, which Maven would try to evaluate itself.
     */
    @Parameter(property = "isc.owner")
    protected String owner;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return deploySkip;
    }

    @Override
    protected boolean writesToTenant() {
        return true;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (parallelism < 1) {
            throw new MojoFailureException(
                    "<parallelism> (isc.parallelism) must be at least 1 but is " + parallelism + ".");
        }
        LoadResult loaded = load();
        if (prune && loaded.hasErrors()) {
            // A file that could not be read has no workflow in the list, so its tenant copy would look
            // like one to prune, even when -Disc.validate.skipRules silenced the file's problem.
            throw new MojoFailureException("Prune refused: "
                    + loaded.problems().stream()
                            .filter(p -> p.severity() == Severity.ERROR)
                            .count()
                    + " problem(s) kept files under " + workflowsPath() + " from being read, so deploy cannot tell"
                    + " which tenant workflows have no file. Fix them (mvn isc:validate lists them) or deploy"
                    + " without -Disc.prune.");
        }
        if (loaded.workflows().isEmpty() && !prune) {
            getLog().info("No workflows found under " + workflowsPath() + "; nothing to deploy.");
            return;
        }

        DeployResult result;
        try (IscApi api = openClient()) {
            DeployOptions options = new DeployOptions(
                    TenantNames.of(url),
                    dryRun,
                    prune,
                    pruneIncludes,
                    parallelism,
                    owner,
                    withoutSecrets(placeholderProperties()),
                    withoutSecrets(System.getenv()),
                    iscOutputDirectory(),
                    null);
            result = new Deployer(api, options, buildLog())
                    .withResolvedCheck(ValidationGate.afterPlaceholders(skipRules, knownActions))
                    .deploy(loaded.workflows());
        } catch (PlanException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IscException e) {
            rethrow(e, "Planning the deploy (listing the tenant's workflows, resolving placeholders)");
            return;
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Writing the deploy report under " + iscOutputDirectory() + " failed: " + e.getMessage(), e);
        }
        failOnFailures(result);
    }

    private LoadResult load() throws MojoExecutionException, MojoFailureException {
        LoadResult loaded;
        try {
            loaded = new WorkflowLoader(workflowsFolder()).load(includes, excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("Reading " + workflowsPath() + " failed: " + e.getMessage(), e);
        }
        ValidationGate.check(loaded, skipRules, knownActions);
        return loaded;
    }

    /**
     * Drops credentials from the values placeholders may use, so that a file cannot copy the plugin's own
     * client secret (or another secret property or variable) into a workflow, a diff or a backup.
     */
    static Map<String, String> withoutSecrets(Map<String, String> values) {
        Map<String, String> kept = new TreeMap<>();
        values.forEach((key, value) -> {
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.contains("secret") || lower.contains("password") || lower.contains("token");
            if (!secret) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** Project properties overridden by user properties ({@code -D}), for {@code ${NAME}} placeholders. */
    private Map<String, String> placeholderProperties() {
        Map<String, String> properties = new TreeMap<>();
        if (project != null && project.getProperties() != null) {
            project.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        }
        if (session != null && session.getUserProperties() != null) {
            session.getUserProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        }
        return properties;
    }

    private static void failOnFailures(DeployResult result) throws MojoExecutionException, MojoFailureException {
        List<WorkflowOutcome> failures = result.failures();
        if (failures.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (WorkflowOutcome failure : failures) {
            names.add(LogText.quote(failure.plan().name()));
        }
        String others = failures.size() < result.outcomes().size() ? " The others were deployed." : "";
        String message = failures.size() + " of " + result.outcomes().size() + " workflow(s) failed to deploy: "
                + String.join(", ", names) + ". The reasons are listed above and in " + result.report() + "."
                + others + " After fixing the cause, run isc:deploy again; it changes only what still differs.";
        if (result.hasContentFailure()) {
            throw new MojoFailureException(message);
        }
        throw new MojoExecutionException(message);
    }
}
