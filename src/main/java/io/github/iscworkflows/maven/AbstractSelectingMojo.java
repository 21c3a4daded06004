package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.references.Selection;
import io.github.iscworkflows.references.SelectionException;
import io.github.iscworkflows.references.WorkflowSelector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of the goals that work on deployed workflows: the workflows named by {@code workflows}, else
 * those in this build's deploy report, else every workflow file whose name exists on the tenant.
 */
public abstract class AbstractSelectingMojo extends AbstractIscMojo {

    /**
     * Names of the tenant workflows to work on, or glob patterns ({@code *} any text, {@code ?} one
     * character) matched against tenant workflow names. Comma-separated as a property. Default: the
     * workflows in {@code target/isc/deploy-report.json}, or, without a report, every workflow under
     * {@code workflowsDirectory} that exists on the tenant under the same name.
     */
    @Parameter(property = "isc.workflows")
    protected List<String> workflows = new ArrayList<>();

    /** Returns the path of the deploy goal's report, {@code target/isc/deploy-report.json}. */
    protected final Path deployReport() {
        return iscOutputDirectory().resolve("deploy-report.json");
    }

    /**
     * Selects the workflows, logs the source and each warning, and fails on selection errors.
     *
     * @throws MojoFailureException when a name matches nothing or is ambiguous, or the report is broken
     */
    protected final Selection select(IscApi api) throws MojoExecutionException, MojoFailureException, IscException {
        Selection selection;
        try {
            selection = new WorkflowSelector(api)
                    .select(new WorkflowSelector.Request(
                            workflows, deployReport(), workflowsFolder(), includes, excludes));
        } catch (SelectionException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the workflows to select: " + e.getMessage(), e);
        }
        getLog().info("Selected " + selection.workflows().size() + " workflow(s) from the " + selection.source() + ".");
        selection.warnings().forEach(getLog()::warn);
        if (!selection.errors().isEmpty()) {
            throw new MojoFailureException(String.join("\n", selection.errors()));
        }
        return selection;
    }
}
