package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds Parameter Storage parameters and identities by name or id on one tenant, caching every answer
 * so that each distinct name costs one request per run.
 *
 * <p>Not thread-safe: planning and exporting run on one thread.
 */
final class TenantLookups {

    /** The answer to one lookup: the matching object, or the reason why there is none. */
    record Lookup(JsonObject match, String error) {

        static Lookup found(JsonObject match) {
            return new Lookup(match, null);
        }

        static Lookup failed(String error) {
            return new Lookup(null, error);
        }

        String id() {
            return match == null ? null : Steps.stringOf(match, "id");
        }

        String name() {
            return match == null ? null : Steps.stringOf(match, "name");
        }
    }

    private static final int MAX_CANDIDATES = 5;

    private final IscApi api;
    private final Map<String, Lookup> parametersByName = new HashMap<>();
    private final Map<String, Lookup> parametersById = new HashMap<>();
    private final Map<String, Lookup> identitiesByName = new HashMap<>();
    private final Map<String, Lookup> identitiesById = new HashMap<>();
    private List<JsonObject> allParameters;

    TenantLookups(IscApi api) {
        this.api = api;
    }

    /** Finds the one parameter named {@code name}; zero or several matches give an error naming the candidates. */
    Lookup parameterByName(String name) throws IscException {
        Lookup cached = parametersByName.get(name);
        if (cached != null) {
            return cached;
        }
        List<JsonObject> results = api.searchParameters(equalsFilter("name", name));
        List<JsonObject> exact = withField(results, "name", name);
        Lookup lookup;
        if (exact.size() == 1) {
            lookup = Lookup.found(exact.get(0));
        } else if (exact.isEmpty()) {
            List<String> similar = similarNames(name, allParameters());
            lookup = Lookup.failed("no Parameter Storage parameter is named \"" + name + "\""
                    + (similar.isEmpty() ? "" : "; parameters with similar names: " + String.join(", ", similar))
                    + ". Create the parameter on this tenant or correct the name.");
        } else {
            lookup = Lookup.failed(exact.size() + " Parameter Storage parameters are named \"" + name + "\": "
                    + describeAll(exact) + ". Rename all but one on the tenant, or write the paramID itself.");
        }
        parametersByName.put(name, lookup);
        return lookup;
    }

    /** Reads one parameter by id (for turning ids back into placeholders). */
    Lookup parameterById(String id) throws IscException {
        Lookup cached = parametersById.get(id);
        if (cached != null) {
            return cached;
        }
        Lookup lookup = api.getParameter(id)
                .map(Lookup::found)
                .orElseGet(() -> Lookup.failed("no Parameter Storage parameter has the id " + id));
        parametersById.put(id, lookup);
        return lookup;
    }

    /** Finds the one identity named {@code name}. */
    Lookup identityByName(String name) throws IscException {
        Lookup cached = identitiesByName.get(name);
        if (cached != null) {
            return cached;
        }
        List<JsonObject> results = api.searchIdentities(equalsFilter("name", name));
        List<JsonObject> exact = withField(results, "name", name);
        Lookup lookup;
        if (exact.size() == 1) {
            lookup = Lookup.found(exact.get(0));
        } else if (exact.isEmpty()) {
            List<String> similar = similarNames(name, results);
            lookup = Lookup.failed("no identity is named \"" + name + "\""
                    + (similar.isEmpty() ? "" : "; identities with similar names: " + String.join(", ", similar))
                    + ". Use the identity's name (its account name, not the display name) or its id.");
        } else {
            lookup = Lookup.failed(exact.size() + " identities are named \"" + name + "\": " + describeAll(exact)
                    + ". Write the identity's id instead.");
        }
        identitiesByName.put(name, lookup);
        return lookup;
    }

    /** Finds the identity with this id. */
    Lookup identityById(String id) throws IscException {
        Lookup cached = identitiesById.get(id);
        if (cached != null) {
            return cached;
        }
        List<JsonObject> exact = withField(api.searchIdentities(equalsFilter("id", id)), "id", id);
        Lookup lookup = exact.size() == 1
                ? Lookup.found(exact.get(0))
                : Lookup.failed("no identity has the id " + id + " on this tenant");
        identitiesById.put(id, lookup);
        return lookup;
    }

    private List<JsonObject> allParameters() throws IscException {
        if (allParameters == null) {
            allParameters = api.searchParameters(null);
        }
        return allParameters;
    }

    /** An ISC filter expression {@code field eq "value"}, with quotes and backslashes escaped. */
    static String equalsFilter(String field, String value) {
        return field + " eq \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<JsonObject> withField(List<JsonObject> objects, String field, String value) {
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject object : objects) {
            if (value.equals(Steps.stringOf(object, field))) {
                matching.add(object);
            }
        }
        return matching;
    }

    /** Names equal ignoring case, or containing one another ignoring case, at most five. */
    private static List<String> similarNames(String name, List<JsonObject> objects) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> similar = new ArrayList<>();
        for (JsonObject object : objects) {
            String candidate = Steps.stringOf(object, "name");
            if (candidate == null || similar.contains(candidate)) {
                continue;
            }
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (lower.contains(wanted) || wanted.contains(lower)) {
                similar.add("\"" + candidate + "\"");
            }
            if (similar.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return similar;
    }

    private static String describeAll(List<JsonObject> objects) {
        List<String> ids = new ArrayList<>();
        for (JsonObject object : objects) {
            ids.add(Steps.stringOf(object, "id"));
        }
        return "ids " + String.join(", ", ids);
    }
}
