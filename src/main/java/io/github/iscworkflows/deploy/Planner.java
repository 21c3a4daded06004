package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.client.ListingException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.support.LogText;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
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
 * listing was incomplete. The exception is a listing that breaks part-way with a client error or comes back
 * short, as at the offset ceiling of large tenants. Then each workflow is looked up by id and name instead, and
 * a failed lookup fails only that workflow. Prune needs the full listing, so it fails.
 */
public final class Planner {

    /** Rule ids of plan problems other than placeholders. */
    public static final String RULE_DUPLICATE_NAME = "duplicate-name";

    public static final String RULE_MISSING_NAME = "missing-name";
    public static final String RULE_SAME_TARGET = "same-target";

    private final IscApi api;
    private final DeployOptions options;
    private final BuildLog log;
    private final TenantLookups lookups;
    private ResolvedCheck resolvedCheck = ResolvedCheck.NONE;

    public Planner(IscApi api, DeployOptions options, BuildLog log) {
        this.api = api;
        this.options = options;
        this.log = log;
        this.lookups = new TenantLookups(api);
    }

    /** Sets the check run on the workflows once their placeholders are resolved, before any listing. */
    public Planner withResolvedCheck(ResolvedCheck check) {
        this.resolvedCheck = check;
        return this;
    }

    /**
     * Makes the plan, in the order of {@code sources}, followed by the workflows to prune.
     *
     * @throws PlanException when names are missing or repeated, or placeholders or the owner do not resolve
     * @throws IscException when a lookup or the listing fails, except for a listing that per-name lookups
     *     can replace
     */
    public List<PlannedWorkflow> plan(List<WorkflowSource> sources) throws PlanException, IscException {
        List<Problem> problems = new ArrayList<>();
        JsonObject owner = new OwnerSetting(options, lookups).resolve(sources, problems);
        PlaceholderResolver resolver = new PlaceholderResolver(lookups, options.properties(), options.environment());
        Map<WorkflowSource, JsonObject> desired = new LinkedHashMap<>();
        for (WorkflowSource source : sources) {
            JsonObject resolved = resolver.resolve(source, problems);
            if (owner != null && !resolved.has("owner")) {
                resolved.add("owner", owner.deepCopy());
            }
            desired.put(source, resolved);
        }
        checkNames(desired, problems);
        if (problems.isEmpty()) {
            List<WorkflowSource> resolved = new ArrayList<>();
            desired.forEach((source, workflow) -> resolved.add(new WorkflowSource(
                    source.file(), source.displayPath(), source.pointer(), workflow, source.document())));
            problems.addAll(resolvedCheck.check(resolved));
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }

        RemoteWorkflows listed = null;
        NameLookups byName = null;
        try {
            listed = new RemoteWorkflows(api.listWorkflows(null), log);
        } catch (ListingException e) {
            if (!NameLookups.canReplace(e)) {
                throw e;
            }
            byName = new NameLookups(api, e);
        }
        RemoteIndex remote = listed != null ? listed : byName;
        List<PlannedWorkflow> plan = new ArrayList<>();
        Map<String, WorkflowSource> claimed = new HashMap<>();
        for (Map.Entry<WorkflowSource, JsonObject> entry : desired.entrySet()) {
            PlannedWorkflow planned;
            try {
                planned = planOne(entry.getKey(), entry.getValue(), remote);
            } catch (IscException e) {
                if (byName == null) {
                    throw e;
                }
                planned = byName.unresolved(entry.getKey(), Steps.stringOf(entry.getValue(), "name"), e);
            }
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
        if (byName != null) {
            log.warn(byName.summary(options.tenant(), desired.size()));
            if (options.prune() && !options.pruneIncludes().isEmpty()) {
                plan.add(byName.pruneFailure());
            }
            return plan;
        }
        plan.addAll(pruneCandidates(listed, claimed.keySet(), desired.values()));
        return plan;
    }

    private PlannedWorkflow planOne(WorkflowSource source, JsonObject desired, RemoteIndex remote) throws IscException {
        String name = Steps.stringOf(desired, "name");
        JsonObject target = remote.byId(Steps.stringOf(source.workflow(), "id"));
        if (target == null) {
            List<JsonObject> named = remote.byName(name);
            if (named.size() > 1) {
                return conflict(source, name, named);
            }
            target = named.isEmpty() ? null : named.get(0);
            if (target != null && Steps.stringOf(target, "id") == null) {
                String message =
                        "the tenant listed a workflow named " + LogText.quote(name) + " without an id, so deploy can"
                                + " neither update it nor create a second one with that name. Check the workflow in the"
                                + " ISC UI and run isc:deploy again.";
                return new PlannedWorkflow(
                        PlanAction.CONFLICT, name, source, null, null, WorkflowChanges.NONE, false, List.of(), message);
            }
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
        boolean reEnable = PlannedWorkflow.isTrue(full, "enabled") && !saysDisabled(source);
        return new PlannedWorkflow(PlanAction.UPDATE, name, source, full, body, changes, reEnable, notes, null);
    }

    /** Reads the whole workflow when the listing left out its definition, which the comparison and backup need. */
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
        String message = named.size() + " workflows on the tenant are named " + LogText.quote(name) + " (ids "
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

    /** Checks the names after placeholders are resolved, because a name may contain one. */
    private static void checkNames(Map<WorkflowSource, JsonObject> desired, List<Problem> problems) {
        Map<String, WorkflowSource> first = new HashMap<>();
        for (Map.Entry<WorkflowSource, JsonObject> entry : desired.entrySet()) {
            WorkflowSource source = entry.getKey();
            String name = Steps.stringOf(entry.getValue(), "name");
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
                        "the workflow name " + LogText.quote(name) + " is also used in " + earlier.displayPath()
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
