package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.SourcePosition;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured owner for workflows whose file has none: an identity id, {@code identity:NAME} or
 * {@code ${identity:NAME}}, checked against the tenant.
 */
final class OwnerSetting {

    /** Rule id of the plan problem for an owner that cannot be resolved. */
    static final String RULE = "owner";

    private final DeployOptions options;
    private final TenantLookups lookups;

    OwnerSetting(DeployOptions options, TenantLookups lookups) {
        this.options = options;
        this.lookups = lookups;
    }

    /**
     * Returns the owner object {@code {type: IDENTITY, id, name}}, or null when no owner is configured or
     * every workflow has its own; a setting that does not resolve adds a problem.
     */
    JsonObject resolve(List<WorkflowSource> sources, List<Problem> problems) throws IscException {
        String setting = options.owner();
        if (setting == null
                || setting.isBlank()
                || sources.stream().allMatch(s -> s.workflow().has("owner"))) {
            return null;
        }
        String trimmed = setting.trim();
        List<String> errors = new ArrayList<>();
        TenantLookups.Lookup identity = lookUp(trimmed, errors);
        if (identity != null && identity.error() != null) {
            errors.add("owner " + trimmed + ": " + identity.error());
        }
        if (!errors.isEmpty()) {
            for (String error : errors) {
                String sentence = error.endsWith(".") ? error : error + ".";
                problems.add(new Problem(
                        "<owner>",
                        SourcePosition.START,
                        Severity.ERROR,
                        RULE,
                        sentence + " Set <owner> (-Disc.owner) to an identity id or identity:NAME."));
            }
            return null;
        }
        JsonObject owner = new JsonObject();
        owner.addProperty("type", "IDENTITY");
        owner.addProperty("id", identity.id());
        owner.addProperty("name", identity.name());
        return owner;
    }

    private TenantLookups.Lookup lookUp(String setting, List<String> errors) throws IscException {
        if (setting.startsWith("${identity:")
                && setting.endsWith("}")
                && setting.indexOf('}') == setting.length() - 1) {
            return lookups.identityByName(setting.substring("${identity:".length(), setting.length() - 1));
        }
        if (setting.startsWith("identity:")) {
            // Maven evaluates ${...} in plugin configuration itself, so a pom writes the form without braces.
            return lookups.identityByName(setting.substring("identity:".length()));
        }
        PlaceholderResolver resolver = new PlaceholderResolver(lookups, options.properties(), options.environment());
        String id = resolver.resolveSetting(setting, "owner " + setting, errors);
        return id == null ? null : lookups.identityById(id);
    }
}
