package io.github.iscworkflows.deploy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a deploy run does and where it writes.
 *
 * @param tenant the tenant host, used in messages and in the backup folder name
 * @param dryRun plan and print only; nothing is written to the tenant
 * @param prune delete tenant workflows that match {@code pruneIncludes} and have no local file
 * @param pruneIncludes name patterns ({@code *} and {@code ?}) of tenant workflows that may be pruned
 * @param parallelism number of workflows written at the same time, at least 1
 * @param owner owner for workflows without one: an identity id or {@code ${identity:NAME}}; null for none
 * @param properties Maven project and user properties for {@code ${NAME}} placeholders
 * @param environment environment variables for {@code ${env.NAME}} placeholders
 * @param outputDirectory folder for the report and the backups, normally {@code target/isc}
 * @param clock source of the backup folder's timestamp
 */
public record DeployOptions(
        String tenant,
        boolean dryRun,
        boolean prune,
        List<String> pruneIncludes,
        int parallelism,
        String owner,
        Map<String, String> properties,
        Map<String, String> environment,
        Path outputDirectory,
        Clock clock) {

    public DeployOptions {
        pruneIncludes = pruneIncludes == null ? List.of() : List.copyOf(pruneIncludes);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 but was " + parallelism);
        }
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Options for a plain deploy: no dry run, no prune, parallelism 4, no owner, no properties. */
    public static DeployOptions defaults(String tenant, Path outputDirectory) {
        return new DeployOptions(tenant, false, false, List.of(), 4, null, Map.of(), Map.of(), outputDirectory, null);
    }

    public DeployOptions withDryRun(boolean value) {
        return new DeployOptions(
                tenant,
                value,
                prune,
                pruneIncludes,
                parallelism,
                owner,
                properties,
                environment,
                outputDirectory,
                clock);
    }

    public DeployOptions withPrune(boolean value, List<String> patterns) {
        return new DeployOptions(
                tenant, dryRun, value, patterns, parallelism, owner, properties, environment, outputDirectory, clock);
    }

    public DeployOptions withOwner(String value) {
        return new DeployOptions(
                tenant,
                dryRun,
                prune,
                pruneIncludes,
                parallelism,
                value,
                properties,
                environment,
                outputDirectory,
                clock);
    }

    public DeployOptions withPlaceholderValues(Map<String, String> newProperties, Map<String, String> newEnvironment) {
        return new DeployOptions(
                tenant,
                dryRun,
                prune,
                pruneIncludes,
                parallelism,
                owner,
                newProperties,
                newEnvironment,
                outputDirectory,
                clock);
    }

    public DeployOptions withParallelism(int value) {
        return new DeployOptions(
                tenant, dryRun, prune, pruneIncludes, value, owner, properties, environment, outputDirectory, clock);
    }

    public DeployOptions withClock(Clock value) {
        return new DeployOptions(
                tenant,
                dryRun,
                prune,
                pruneIncludes,
                parallelism,
                owner,
                properties,
                environment,
                outputDirectory,
                value);
    }
}
