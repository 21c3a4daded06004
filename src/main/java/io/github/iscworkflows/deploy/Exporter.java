package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.support.LogText;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowJson;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Downloads tenant workflows into a folder as stable, diff-friendly files that deploy reads back as
 * {@code unchanged}.
 *
 * <p>Each file contains one workflow with keys sorted, 2-space indent and a trailing newline. Read-only
 * fields and {@code refID}s are removed because they belong to this tenant's copy (deploy carries live
 * {@code refID}s over by itself); {@code enabled} is kept because {@code isc:enable} reads it. A workflow
 * already contained in a plain file in the folder is written to that file; one inside a wrapper or
 * SP-Config file is skipped with a warning, so the file keeps its shape.
 */
public final class Exporter {

    /** Result of exporting one workflow. */
    public enum Status {
        WRITTEN,
        /** A dry run found that the file would be written. */
        WOULD_WRITE,
        UNCHANGED,
        SKIPPED
    }

    /**
     * One exported workflow.
     *
     * @param name the workflow name
     * @param id the tenant id
     * @param file the file written, or the file that contains it when skipped
     * @param status what happened
     */
    public record ExportedWorkflow(String name, String id, Path file, Status status) {}

    private final IscApi api;
    private final BuildLog log;
    private final boolean dryRun;

    public Exporter(IscApi api, BuildLog log) {
        this(api, log, false);
    }

    /** An exporter that, with {@code dryRun}, reports which files it would write and writes none. */
    public Exporter(IscApi api, BuildLog log, boolean dryRun) {
        this.api = api;
        this.log = log;
        this.dryRun = dryRun;
    }

    /**
     * Exports the workflows whose names match {@code patterns} ({@code *} and {@code ?}; all when empty).
     *
     * @param placeholders whether to write {@code ${parameter:NAME}} for parameter ids and
     *     {@code ${identity:NAME}} for owner ids, where the name finds exactly that object again
     */
    public List<ExportedWorkflow> export(Path directory, List<String> patterns, boolean placeholders)
            throws IscException, IOException {
        List<JsonObject> remote = api.listWorkflows(null);
        NamePatterns selection = new NamePatterns(patterns);
        List<JsonObject> selected = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>(patterns);
        for (JsonObject workflow : remote) {
            String name = Steps.stringOf(workflow, "name");
            if (selection.isEmpty() || selection.matches(name)) {
                selected.add(workflow);
                unmatched.removeIf(pattern -> new NamePatterns(List.of(pattern)).matches(name));
            }
        }
        for (String pattern : unmatched) {
            log.warn("No workflow on the tenant matches '" + pattern + "' in <exportWorkflows>.");
        }

        if (!dryRun) {
            Files.createDirectories(directory);
        }
        Map<String, WorkflowSource> existing = existingByName(directory);
        SafeFileNames names = new SafeFileNames();
        for (Path file : listFiles(directory)) {
            names.reserve(directory.relativize(file).toString());
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        for (JsonObject workflow : selected) {
            nameCounts.merge(Steps.stringOf(workflow, "name"), 1, Integer::sum);
        }

        ExportPlaceholders reverse = placeholders ? new ExportPlaceholders(new TenantLookups(api), log) : null;
        List<ExportedWorkflow> exported = new ArrayList<>();
        for (JsonObject listed : selected) {
            exported.add(exportOne(directory, listed, existing, names, nameCounts, reverse));
        }
        return exported;
    }

    private ExportedWorkflow exportOne(
            Path directory,
            JsonObject listed,
            Map<String, WorkflowSource> existing,
            SafeFileNames names,
            Map<String, Integer> nameCounts,
            ExportPlaceholders reverse)
            throws IscException, IOException {
        String name = Steps.stringOf(listed, "name");
        String id = Steps.stringOf(listed, "id");
        boolean shared = nameCounts.get(name) > 1;
        WorkflowSource current = shared ? null : existing.get(name);
        if (current != null && !current.pointer().isEmpty()) {
            log.warn("Skipped " + LogText.quote(name) + ": " + current.displayPath()
                    + " contains it inside a wrapper or SP-Config"
                    + " export, which export does not rewrite. Move it to a file of its own to export it.");
            return new ExportedWorkflow(name, id, current.file(), Status.SKIPPED);
        }
        JsonObject workflow =
                listed.has("definition") ? listed : api.getWorkflow(id).orElse(listed);
        JsonObject form = exportForm(workflow);
        if (shared) {
            // Two tenant workflows share this name; the id lets deploy tell the files apart on this tenant.
            form.addProperty("id", id);
            log.warn("Several workflows on the tenant are named " + LogText.quote(name)
                    + "; each file keeps its \"id\".");
        }
        if (reverse != null) {
            reverse.apply(form);
        }
        String text = WorkflowJson.toFileText(WorkflowJson.sortedKeys(form));
        Path file = current != null ? current.file() : directory.resolve(names.allocate(name));
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            log.info("Unchanged " + LogText.quote(name) + " in " + directory.relativize(file) + ".");
            return new ExportedWorkflow(name, id, file, Status.UNCHANGED);
        }
        if (dryRun) {
            log.info("Would export " + LogText.quote(name) + " (" + id + ") to " + directory.relativize(file) + ".");
            return new ExportedWorkflow(name, id, file, Status.WOULD_WRITE);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        log.info("Exported " + LogText.quote(name) + " (" + id + ") to " + directory.relativize(file) + ".");
        return new ExportedWorkflow(name, id, file, Status.WRITTEN);
    }

    /**
     * The file form: read-only fields and {@code refID}s removed, literal secrets replaced by {@code null},
     * literal placeholders escaped.
     */
    static JsonObject exportForm(JsonObject workflow) {
        JsonObject form = SecretMasking.withoutSecrets(WorkflowJson.withoutReadOnlyFields(workflow));
        RefIdCarryOver.strip(form);
        ExportPlaceholders.escapeLiterals(form);
        return form;
    }

    private static Map<String, WorkflowSource> existingByName(Path directory) throws IOException {
        LoadResult loaded = new WorkflowLoader(directory).load(List.of(), List.of());
        Map<String, WorkflowSource> byName = new HashMap<>();
        for (WorkflowSource source : loaded.workflows()) {
            if (source.name() != null) {
                byName.putIfAbsent(source.name(), source);
            }
        }
        return byName;
    }

    private static List<Path> listFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }
}
