package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.Exporter;
import io.github.iscworkflows.deploy.Exporter.ExportedWorkflow;
import io.github.iscworkflows.deploy.Exporter.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads workflows from the tenant into {@code workflowsDirectory} as stable files: one workflow per file,
 * keys sorted, read-only fields and {@code refID}s removed, literal secrets written as {@code null},
 * {@code enabled} kept. A deploy of the exported
 * files to the same tenant finds them all unchanged. With {@code isc.dryRun} it lists the files it would
 * write and changes none. Fails when no workflow matches {@code exportWorkflows}.
 */
@Mojo(name = ExportMojo.GOAL, threadSafe = true)
public class ExportMojo extends AbstractIscMojo {

    public static final String GOAL = "export";

    /** Skips this goal only. */
    @Parameter(property = "isc.export.skip", defaultValue = "false")
    protected boolean exportSkip;

    /**
     * Names or name patterns ({@code *}, {@code ?}) of the workflows to export; all when empty.
     * Comma-separated as a property.
     */
    @Parameter(property = "isc.export.workflows")
    protected List<String> exportWorkflows = new ArrayList<>();

    /**
     * Writes {@code ${identity:NAME}} for owner ids and {@code ${parameter:NAME}} for credential
     * {@code paramID}s, so that the files deploy to other tenants. An id stays when its name does not find it
     * again (unknown, not unique); an info line names each such id, its workflow and field, and the reason.
     */
    @Parameter(property = "isc.export.placeholders", defaultValue = "false")
    protected boolean exportPlaceholders;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return exportSkip;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<ExportedWorkflow> exported;
        try (IscApi api = openClient()) {
            exported = new Exporter(api, buildLog(), dryRun)
                    .export(workflowsFolder(), exportWorkflows, exportPlaceholders);
        } catch (IscException e) {
            rethrow(e, "Exporting workflows");
            return;
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Writing workflow files under " + workflowsPath() + " failed: " + e.getMessage(), e);
        }
        if (exported.isEmpty()) {
            throw new MojoFailureException(
                    exportWorkflows.isEmpty()
                            ? "The tenant " + TenantNames.of(url) + " has no workflows to export."
                            : "No workflow on " + TenantNames.of(url)
                                    + " matches <exportWorkflows> (isc.export.workflows) " + exportWorkflows
                                    + ". Patterns match whole names; use * for any text.");
        }
        long written =
                exported.stream().filter(e -> e.status() == Status.WRITTEN).count();
        long unchanged =
                exported.stream().filter(e -> e.status() == Status.UNCHANGED).count();
        long skipped =
                exported.stream().filter(e -> e.status() == Status.SKIPPED).count();
        if (dryRun) {
            long pending = exported.stream()
                    .filter(e -> e.status() == Status.WOULD_WRITE)
                    .count();
            getLog().info("Dry run: " + pending + " of " + exported.size() + " workflow(s) would be written to "
                    + workflowsPath() + ", " + unchanged + " unchanged, " + skipped + " skipped; no file was"
                    + " changed.");
            return;
        }
        getLog().info("Exported " + exported.size() + " workflow(s) to " + workflowsPath() + ": " + written
                + " written, " + unchanged + " unchanged, " + skipped + " skipped.");
    }
}
