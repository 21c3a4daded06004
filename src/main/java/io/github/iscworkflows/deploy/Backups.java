package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
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
 * {@code backup/<tenant>/<yyyyMMdd-HHmmss>/<name>.json}. The file is the workflow exactly as the tenant
 * returned it, id included, so deploying the folder restores it by id. Thread-safe.
 */
final class Backups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final SafeFileNames names = new SafeFileNames();

    Backups(Path outputDirectory, String tenant, Clock clock) {
        this.folder = outputDirectory
                .resolve("backup")
                .resolve(SafeFileNames.sanitise(tenant))
                .resolve(STAMP.format(clock.instant()));
    }

    /** The folder of this run's backups (created on the first save). */
    Path folder() {
        return folder;
    }

    /** Writes one workflow and returns its file. */
    Path save(String name, JsonObject remote) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(names.allocate(name));
        Files.writeString(file, WorkflowJson.toFileText(remote), StandardCharsets.UTF_8);
        return file;
    }
}
