package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Saves a tenant workflow as it was before deploy changes or deletes it, under
 * {@code backup/<tenant>/<yyyyMMdd-HHmmss>/<name>.json}. The file is the workflow as the tenant returned
 * it, id included, so deploying the folder restores it by id; literal secrets are written as {@code null},
 * which a deploy of the backup leaves alone on the tenant. Thread-safe.
 */
final class Backups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path base;
    private final SafeFileNames names = new SafeFileNames();
    private Path folder;

    Backups(Path outputDirectory, String tenant, Clock clock) {
        this.base = outputDirectory
                .resolve("backup")
                .resolve(SafeFileNames.sanitise(tenant))
                .resolve(STAMP.format(clock.instant()));
    }

    /**
     * Returns the folder of this run's backups. It is created on the first save; when a run in the same
     * second already made it, this run takes {@code <stamp>-2}, {@code <stamp>-3}... instead.
     */
    synchronized Path folder() {
        return folder != null ? folder : base;
    }

    /** Writes one workflow, literal secrets replaced by {@code null}, and returns its file. */
    Path save(String name, JsonObject remote) throws IOException {
        Path file = openFolder().resolve(names.allocate(name));
        Files.writeString(file, WorkflowJson.toFileText(SecretMasking.withoutSecrets(remote)), StandardCharsets.UTF_8);
        return file;
    }

    private synchronized Path openFolder() throws IOException {
        if (folder == null) {
            Path candidate = base;
            for (int n = 2; Files.exists(candidate); n++) {
                candidate = base.resolveSibling(base.getFileName() + "-" + n);
            }
            Files.createDirectories(candidate);
            folder = candidate;
        }
        return folder;
    }
}
