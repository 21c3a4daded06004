package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.SourcePosition;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares local workflows with the tenant's and decides, per workflow, what deploy does.
 *
 * <p>Placeholders are resolved first, then all tenant workflows are listed once. A local workflow matches
 * the tenant workflow whose id its file carries, when that id exists on this tenant, and otherwise the
 * tenant workflow with the same name. A failed listing throws, so a workflow is never created because a
 * listing was incomplete.
 */
public final class Planner {

    /** Rule ids of plan problems other than placeholders. */
    public static final String RULE_DUPLICATE_NAME = "duplicate-name";

    public static final String RULE_MISSING_NAME = "missing-name";
    public static final String RULE_SAME_TARGET = "same-target";
    public static final String RULE_OWNER = "owner";

    private final IscApi api;
    private final DeployOptions options;
    private final BuildLog log;
    private final TenantLookups lookups;

    public Planner(IscApi api, DeployOptions options, BuildLog log) {
        this.api = api;
        this.options = options;
        this.log = log;
        this.lookups = new TenantLookups(api);
    }

    /**
     * Makes the plan, in the order of {@code sources}, followed by the workflows to prune.
     *
     * @throws PlanException when names are missing or repeated, or placeholders or the owner do not resolve
     * @throws IscException when a lookup or the listing fails
     */
    public List<PlannedWorkflow> plan(List<WorkflowSource> sources) throws PlanException, IscException {
        List<Problem> problems = new ArrayList<>();
        checkNames(sources, problems);
        JsonObject owner = resolveOwner(sources, problems);
        PlaceholderResolver resolver = new PlaceholderResolver(lookups, options.properties(), options.environment());
        Map<WorkflowSource, JsonObject> desired = new LinkedHashMap<>();
        for (WorkflowSource source : sources) {
            JsonObject resolved = resolver.resolve(source, problems);
            if (owner != null && !resolved.has("owner")) {
                resolved.add("owner", owner.deepCopy());
            }
            desired.put(source, resolved);
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }

        RemoteWorkflows remote = new RemoteWorkflows(api.listWorkflows(null));
        List<PlannedWorkflow> plan = new ArrayList<>();
        Map<String, WorkflowSource> claimed = new HashMap<>();
        for (Map.Entry<WorkflowSource, JsonObject> entry : desired.entrySet()) {
            PlannedWorkflow planned = planOne(entry.getKey(), entry.getValue(), remote);
            String id = planned.remoteId();
            if (id != null && planned.action() != PlanAction.CONFLICT) {
                WorkflowSource other = claimed.putIfAbsent(id, entry.getKey());
                if (other != null) {
                    problems.add(sameTarget(entry.getKey(), other, id));
                }
            }
            plan.add(planned);
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        plan.addAll(pruneCandidates(remote, claimed.keySet(), desired.values()));
        return plan;
    }

    private PlannedWorkflow planOne(WorkflowSource source, JsonObject desired, RemoteWorkflows remote)
            throws IscException {
        String name = source.name();
        JsonObject target = remote.byId(Steps.stringOf(source.workflow(), "id"));
        if (target == null) {
            List<JsonObject> named = remote.byName(name);
            if (named.size() > 1) {
                return conflict(source, name, named);
            }
            target = named.isEmpty() ? null : named.get(0);
        }
        List<String> notes = new ArrayList<>();
        if (target == null) {
            return new PlannedWorkflow(
                    PlanAction.CREATE,
                    name,
                    source,
                    null,
                    RequestBodies.create(desired),
                    WorkflowChanges.NONE,
                    false,
                    notes,
                    null);
        }
        JsonObject full = fullWorkflow(target);
        WorkflowChanges changes = WorkflowComparison.changes(RequestBodies.completed(desired, full), full);
        if (changes.isEmpty()) {
            return new PlannedWorkflow(PlanAction.UNCHANGED, name, source, full, null, changes, false, notes, null);
        }
        JsonObject body = RequestBodies.update(desired, full, notes);
        PlannedWorkflow probe =
                new PlannedWorkflow(PlanAction.UPDATE, name, source, full, body, changes, false, notes, null);
        boolean reEnable = probe.remoteEnabled() && !saysDisabled(source);
        return new PlannedWorkflow(PlanAction.UPDATE, name, source, full, body, changes, reEnable, notes, null);
    }

    /** A listing may leave out the definition; the comparison and the backup need the whole workflow. */
    private JsonObject fullWorkflow(JsonObject listed) throws IscException {
        if (listed.has("definition")) {
            return listed;
        }
        String id = Steps.stringOf(listed, "id");
        log.debug("The listing of workflow " + id + " has no definition; reading it.");
        return api.getWorkflow(id).orElse(listed);
    }

    private static boolean saysDisabled(WorkflowSource source) {
        var enabled = source.workflow().get("enabled");
        return enabled != null
                && enabled.isJsonPrimitive()
                && enabled.getAsJsonPrimitive().isBoolean()
                && !enabled.getAsBoolean();
    }

    private static PlannedWorkflow conflict(WorkflowSource source, String name, List<JsonObject> named) {
        List<String> ids = new ArrayList<>();
        for (JsonObject workflow : named) {
            ids.add(Steps.stringOf(workflow, "id"));
        }
        String message = named.size() + " workflows on the tenant are named '" + name + "' (ids "
                + String.join(", ", ids) + "), so deploy cannot tell which one to update. Delete or rename all but"
                + " one on the tenant, or add \"id\": \"<one of these ids>\" to " + source.displayPath()
                + " to pick one.";
        return new PlannedWorkflow(
                PlanAction.CONFLICT, name, source, null, null, WorkflowChanges.NONE, false, List.of(), message);
    }

    private List<PlannedWorkflow> pruneCandidates(
            RemoteWorkflows remote, Set<String> claimedIds, java.util.Collection<JsonObject> desired) {
        NamePatterns patterns = new NamePatterns(options.pruneIncludes());
        if (patterns.isEmpty()) {
            return List.of();
        }
        Set<String> localNames = new HashSet<>();
        for (JsonObject workflow : desired) {
            localNames.add(Steps.stringOf(workflow, "name"));
        }
        List<PlannedWorkflow> prune = new ArrayList<>();
        for (JsonObject workflow : remote.all()) {
            String name = Steps.stringOf(workflow, "name");
            if (claimedIds.contains(Steps.stringOf(workflow, "id"))
                    || localNames.contains(name)
                    || !patterns.matches(name)) {
                continue;
            }
            prune.add(new PlannedWorkflow(
                    PlanAction.PRUNE, name, null, workflow, null, WorkflowChanges.NONE, false, List.of(), null));
        }
        if (!options.prune() && !prune.isEmpty()) {
            log.info(prune.size() + " workflow(s) on " + options.tenant() + " match <pruneIncludes> and have no"
                    + " local file; they are kept because isc.prune is false. Set -Disc.prune=true to delete them.");
            return List.of();
        }
        return prune;
    }

    private JsonObject resolveOwner(List<WorkflowSource> sources, List<Problem> problems) throws IscException {
        String setting = options.owner();
        if (setting == null
                || setting.isBlank()
                || sources.stream().allMatch(s -> s.workflow().has("owner"))) {
            return null;
        }
        List<String> errors = new ArrayList<>();
        TenantLookups.Lookup identity;
        String trimmed = setting.trim();
        if (trimmed.startsWith("${identity:")
                && trimmed.endsWith("}")
                && trimmed.indexOf('}') == trimmed.length() - 1) {
            identity = lookups.identityByName(trimmed.substring("${identity:".length(), trimmed.length() - 1));
        } else {
            PlaceholderResolver resolver =
                    new PlaceholderResolver(lookups, options.properties(), options.environment());
            String id = resolver.resolveSetting(trimmed, "owner " + trimmed, errors);
            identity = id == null ? null : lookups.identityById(id);
        }
        if (identity != null && identity.error() != null) {
            errors.add("owner " + trimmed + ": " + identity.error());
        }
        if (!errors.isEmpty()) {
            for (String error : errors) {
                problems.add(new Problem(
                        "<owner>",
                        SourcePosition.START,
                        Severity.ERROR,
                        RULE_OWNER,
                        error + " Set <owner> (-Disc.owner) to an identity id or ${identity:NAME}."));
            }
            return null;
        }
        JsonObject owner = new JsonObject();
        owner.addProperty("type", "IDENTITY");
        owner.addProperty("id", identity.id());
        owner.addProperty("name", identity.name());
        return owner;
    }

    private static void checkNames(List<WorkflowSource> sources, List<Problem> problems) {
        Map<String, WorkflowSource> first = new HashMap<>();
        for (WorkflowSource source : sources) {
            String name = source.name();
            if (name == null || name.isBlank()) {
                problems.add(new Problem(
                        source.displayPath(),
                        source.positionOf(""),
                        Severity.ERROR,
                        RULE_MISSING_NAME,
                        "the workflow has no \"name\"; deploy matches workflows by name. Add a name and run"
                                + " isc:validate."));
                continue;
            }
            WorkflowSource earlier = first.putIfAbsent(name, source);
            if (earlier != null) {
                problems.add(new Problem(
                        source.displayPath(),
                        source.positionOf("/name"),
                        Severity.ERROR,
                        RULE_DUPLICATE_NAME,
                        "the workflow name '" + name + "' is also used in " + earlier.displayPath()
                                + " (line " + earlier.positionOf("/name").line() + "); deploy matches workflows by"
                                + " name, so names must be unique. Rename one of them."));
            }
        }
    }

    private static Problem sameTarget(WorkflowSource source, WorkflowSource other, String id) {
        return new Problem(
                source.displayPath(),
                source.positionOf(""),
                Severity.ERROR,
                RULE_SAME_TARGET,
                source.label() + " and " + other.label() + " in " + other.displayPath()
                        + " both match the tenant workflow " + id + " (one by id, one by name). Remove the \"id\""
                        + " or rename one of them.");
    }

    private static PlanException failure(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.ORDER);
        StringBuilder message = new StringBuilder("The deploy plan has " + sorted.size() + " problem(s):");
        for (Problem problem : sorted) {
            message.append("\n  ").append(problem.format());
        }
        message.append("\nNothing was written to the tenant.");
        return new PlanException(message.toString(), sorted);
    }
}
