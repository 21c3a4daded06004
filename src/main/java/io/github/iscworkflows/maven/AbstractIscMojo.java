package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters and steps that every {@code isc} goal shares: skip handling, the workflow files, the
 * tenant connection, and the mapping of core exceptions to Maven's two failure kinds.
 */
public abstract class AbstractIscMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /**
     * Tenant API base URL, for example {@code https://acme.api.identitynow.com}. Falls back to the
     * environment variable {@code SAIL_BASE_URL}. Only {@code https} is accepted, except for loopback
     * addresses such as the embedded emulator.
     */
    @Parameter(property = "isc.url")
    protected String url;

    /** OAuth client id. Falls back to the {@code serverId} server in settings.xml, then {@code SAIL_CLIENT_ID}. */
    @Parameter(property = "isc.clientId")
    protected String clientId;

    /**
     * OAuth client secret. Prefer the {@code serverId} server in settings.xml (encrypted with
     * {@code mvn --encrypt-password}) or {@code SAIL_CLIENT_SECRET} over a value in the pom.
     */
    @Parameter(property = "isc.clientSecret")
    protected String clientSecret;

    /** Id of the settings.xml {@code <server>} whose username is the client id and password the client secret. */
    @Parameter(property = "isc.serverId")
    protected String serverId;

    /** ISC API version used in every path. */
    @Parameter(property = "isc.apiVersion", defaultValue = "v2025")
    protected String apiVersion;

    /** Folder holding the workflow files ({@code *.json}, searched recursively). */
    @Parameter(property = "isc.workflowsDirectory", defaultValue = "${project.basedir}/src/main/isc/workflows")
    protected File workflowsDirectory;

    /** Ant-style patterns, relative to {@code workflowsDirectory}, of the files to read. Default: all {@code **}{@code /*.json}. */
    @Parameter
    protected List<String> includes = new ArrayList<>();

    /** Ant-style patterns, relative to {@code workflowsDirectory}, of files to leave out. */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /** Skips every {@code isc} goal. */
    @Parameter(property = "isc.skip", defaultValue = "false")
    protected boolean skip;

    /** Walks the goal up to its first write and reports what it would change, writing nothing to the tenant. */
    @Parameter(property = "isc.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** TCP connect timeout in seconds. */
    @Parameter(property = "isc.connectTimeout", defaultValue = "30")
    protected int connectTimeout;

    /**
     * Seconds to wait for a response once a request has been sent; with the connect timeout it also bounds
     * each attempt as a whole, so a response that trickles in cannot hold the build.
     */
    @Parameter(property = "isc.timeout", defaultValue = "120")
    protected int timeout;

    /** Retries per request after 429, 5xx and connection errors. */
    @Parameter(property = "isc.maxRetries", defaultValue = "5")
    protected int maxRetries;

    /** Tenant hosts or glob patterns (comma-separated as a property) that write goals refuse to change. */
    @Parameter(property = "isc.readOnlyTenants")
    protected List<String> readOnlyTenants = new ArrayList<>();

    /** Tenant the build must target, as host or first host label ({@code acme}); the build fails when {@code url} points elsewhere. */
    @Parameter(property = "isc.expectTenant")
    protected String expectTenant;

    /** Folder for reports and backups. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    protected File buildDirectory;

    private BuildLog buildLog;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goalName() + ": isc.skip is true.");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping " + goalName() + ": isc." + goalName() + ".skip is true.");
            return;
        }
        run();
    }

    /** The goal's work, called unless skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal name, as in {@code isc:<goal>}. */
    protected abstract String goalName();

    /** Whether the goal's own skip flag ({@code isc.<goal>.skip}) is set. */
    protected abstract boolean isGoalSkipped();

    /** Whether the goal writes to the tenant; read-only tenants refuse such goals. */
    protected boolean writesToTenant() {
        return false;
    }

    protected final BuildLog buildLog() {
        if (buildLog == null) {
            buildLog = new MavenBuildLog(getLog());
        }
        return buildLog;
    }

    /** The target folder, also when the harness or a pom-less call leaves {@code buildDirectory} unset. */
    protected final Path targetDirectory() {
        if (buildDirectory != null) {
            return buildDirectory.toPath();
        }
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath().resolve("target");
        }
        return Path.of("target");
    }

    /** The folder for the plugin's JSON reports and backups: {@code target/isc}. */
    protected final Path iscOutputDirectory() {
        return targetDirectory().resolve("isc");
    }

    /**
     * Returns {@link #workflowsPath()} after checking that it is a folder or missing, for the goals that
     * read or write workflow files.
     *
     * @throws MojoFailureException when the path names a file, a common slip when pointing at one workflow
     */
    protected final Path workflowsFolder() throws MojoFailureException {
        Path path = workflowsPath();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            Path parent = path.toAbsolutePath().getParent();
            throw new MojoFailureException("<workflowsDirectory> (-Disc.workflowsDirectory) is " + path
                    + ", which is a file, not a folder. Set it to the folder that holds the workflow files ("
                    + parent + "); to use only this file, add <includes><include>" + path.getFileName()
                    + "</include></includes>.");
        }
        return path;
    }

    protected final Path workflowsPath() {
        if (workflowsDirectory != null) {
            return workflowsDirectory.toPath();
        }
        Path base = project != null && project.getBasedir() != null
                ? project.getBasedir().toPath()
                : Path.of("");
        return base.resolve("src/main/isc/workflows");
    }

    /** Opens a client for the configured tenant, after checking every connection parameter. */
    protected final IscApi openClient() throws MojoExecutionException, MojoFailureException {
        ConnectionParameters parameters = new ConnectionParameters(
                url,
                clientId,
                clientSecret,
                serverId,
                apiVersion,
                Duration.ofSeconds(connectTimeout),
                Duration.ofSeconds(timeout),
                maxRetries,
                readOnlyTenants,
                expectTenant,
                session != null && session.isOffline(),
                writesToTenant() && !dryRun);
        ConnectionResolver resolver = new ConnectionResolver(
                session == null ? null : session.getSettings(), settingsDecrypter, System.getenv(), buildLog());
        return resolver.open(parameters);
    }

    /**
     * Maps a client error to Maven's failure kinds: a 4xx caused by the project or the tenant is a
     * build failure, anything else (network, 5xx, 429 after retries) means the job could not be done.
     */
    protected static Exception translate(IscException e, String action) {
        String message = action + " failed: " + e.getMessage();
        if (e.isClientError()) {
            return new MojoFailureException(message, e);
        }
        return new MojoExecutionException(message, e);
    }

    /** Throws the result of {@link #translate}. */
    protected static void rethrow(IscException e, String action) throws MojoExecutionException, MojoFailureException {
        Exception translated = translate(e, action);
        if (translated instanceof MojoFailureException failure) {
            throw failure;
        }
        throw (MojoExecutionException) translated;
    }
}
