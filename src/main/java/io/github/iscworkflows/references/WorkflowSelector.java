package io.github.iscworkflows.references;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.LogText;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the tenant workflows that a goal works on.
 *
 * <p>In order of precedence: the names or glob patterns the user gave ({@code isc.workflows}); the
 * deploy report of this build; every workflow in the workflows folder that exists on the tenant
 * under the same name.
 */
public final class WorkflowSelector {

    /**
     * The selection request.
     *
     * @param names workflow names or glob patterns ({@code *}, {@code ?}) matched against tenant
     *     workflow names; empty to use the report or the folder
     * @param deployReport path of {@code deploy-report.json}, used when it exists
     * @param workflowsDirectory folder of the workflow files
     * @param includes include patterns for the folder
     * @param excludes exclude patterns for the folder
     */
    public record Request(
            List<String> names,
            Path deployReport,
            Path workflowsDirectory,
            List<String> includes,
            List<String> excludes) {

        public Request {
            names = names == null
                    ? List.of()
                    : names.stream()
                            .filter(n -> n != null && !n.isBlank())
                            .map(String::trim)
                            .toList();
            includes = includes == null ? List.of() : List.copyOf(includes);
            excludes = excludes == null ? List.of() : List.copyOf(excludes);
        }
    }

    private final IscApi api;

    public WorkflowSelector(IscApi api) {
        this.api = api;
    }

    /** Selects the workflows; tenant calls only read. */
    public Selection select(Request request) throws IscException, IOException, SelectionException {
        if (!request.names().isEmpty()) {
            return byNames(request.names());
        }
        if (request.deployReport() != null && Files.isRegularFile(request.deployReport())) {
            return DeployReportReader.read(request.deployReport());
        }
        return byLocalFiles(request);
    }

    private Selection byNames(List<String> names) throws IscException {
        List<SelectedWorkflow> selected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean anyPattern = names.stream().anyMatch(WorkflowSelector::isPattern);
        List<JsonObject> all = anyPattern ? api.listWorkflows(null) : null;
        Map<String, SelectedWorkflow> byId = new LinkedHashMap<>();
        for (String name : names) {
            List<JsonObject> matches = isPattern(name) ? matching(all, name) : api.findWorkflowsByName(name);
            if (matches.isEmpty()) {
                errors.add(
                        (isPattern(name) ? "No workflow on the tenant matches " : "No workflow on the tenant is named ")
                                + LogText.quote(name)
                                + ". Check <workflows> (-Disc.workflows); names are case-sensitive.");
                continue;
            }
            if (!isPattern(name) && matches.size() > 1) {
                errors.add("The tenant has " + matches.size() + " workflows named " + LogText.quote(name) + " (ids "
                        + String.join(", ", ids(matches)) + "). Rename or delete the extra ones in the ISC UI.");
                continue;
            }
            for (JsonObject match : matches) {
                String id = string(match, "id");
                byId.putIfAbsent(id, new SelectedWorkflow(string(match, "name"), id, null, null));
            }
        }
        selected.addAll(byId.values());
        return new Selection("workflows named by <workflows>", selected, errors, List.of());
    }

    private Selection byLocalFiles(Request request) throws IOException, IscException {
        Path directory = request.workflowsDirectory();
        String source = "workflows folder " + directory;
        if (directory == null || !Files.isDirectory(directory)) {
            return new Selection(
                    source,
                    List.of(),
                    List.of(),
                    List.of("No deploy report and no workflows folder " + directory
                            + "; nothing to select. Run isc:deploy first or name the workflows with <workflows>"
                            + " (-Disc.workflows=NAME,...)."));
        }
        LoadResult loaded = new WorkflowLoader(directory).load(request.includes(), request.excludes());
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Problem problem : loaded.problems()) {
            if (problem.severity() == Severity.ERROR) {
                warnings.add("Skipped unreadable content: " + problem.format() + " Run isc:validate for details.");
            }
        }
        List<SelectedWorkflow> selected = new ArrayList<>();
        for (WorkflowSource local : loaded.workflows()) {
            String name = local.name();
            if (name == null) {
                warnings.add(local.displayPath() + ": a workflow without \"name\" was skipped. Run isc:validate.");
                continue;
            }
            List<JsonObject> matches = api.findWorkflowsByName(name);
            if (matches.isEmpty()) {
                warnings.add("Workflow " + LogText.quote(name) + " (" + LogText.escape(local.displayPath())
                        + ") is not on the tenant, so there is nothing to check or enable. Run isc:deploy first.");
            } else if (matches.size() > 1) {
                errors.add("The tenant has " + matches.size() + " workflows named " + LogText.quote(name) + " (ids "
                        + String.join(", ", ids(matches)) + "), so " + local.displayPath()
                        + " cannot be matched. Rename or delete the extra ones in the ISC UI.");
            } else {
                selected.add(new SelectedWorkflow(
                        name, string(matches.get(0), "id"), local.displayPath(), enabledOf(local.workflow())));
            }
        }
        return new Selection(source, selected, errors, warnings);
    }

    /** Returns whether {@code name} contains a glob wildcard. */
    static boolean isPattern(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }

    /** Compiles a glob, where {@code *} is any text and {@code ?} one character, into an anchored pattern. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<JsonObject> matching(List<JsonObject> all, String glob) {
        Pattern pattern = globToRegex(glob);
        List<JsonObject> matches = new ArrayList<>();
        for (JsonObject workflow : all) {
            String name = string(workflow, "name");
            if (name != null && pattern.matcher(name).matches()) {
                matches.add(workflow);
            }
        }
        return matches;
    }

    private static List<String> ids(List<JsonObject> workflows) {
        return workflows.stream().map(w -> string(w, "id")).toList();
    }

    private static Boolean enabledOf(JsonObject workflow) {
        JsonElement enabled = workflow.get("enabled");
        return enabled != null
                        && enabled.isJsonPrimitive()
                        && enabled.getAsJsonPrimitive().isBoolean()
                ? enabled.getAsBoolean()
                : Boolean.FALSE;
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
