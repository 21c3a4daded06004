package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The standard collection parameters: {@code limit} (0 to 250), {@code offset}, {@code sorters}, {@code count}. */
final class ListQuery {

    static final int MAX_LIMIT = 250;

    private ListQuery() {}

    /** Sorts by {@code sorters}, then returns the page {@code offset}/{@code limit} of {@code items}. */
    static Response page(Request request, List<JsonObject> items, Set<String> sortable) {
        return page(request, items, sortable, 0);
    }

    /**
     * Sorts by {@code sorters}, then returns the page {@code offset}/{@code limit} of {@code items}, rejecting
     * an {@code offset} at or beyond {@code maxOffset} (0: no ceiling) with 400, as large tenants do.
     */
    static Response page(Request request, List<JsonObject> items, Set<String> sortable, int maxOffset) {
        int limit = intParameter(request, "limit", MAX_LIMIT);
        if (limit > MAX_LIMIT) {
            throw ApiException.badRequest("Invalid limit " + limit + ": the maximum is " + MAX_LIMIT + ".");
        }
        int offset = intParameter(request, "offset", 0);
        if (maxOffset > 0 && offset >= maxOffset) {
            throw ApiException.badRequest("Invalid offset " + offset + ": the offset is too large, the maximum is "
                    + (maxOffset - 1) + ". Narrow the listing with filters.");
        }
        List<JsonObject> sorted = new ArrayList<>(items);
        Comparator<JsonObject> order = sorters(request.query("sorters"), sortable);
        if (order != null) {
            sorted.sort(order);
        }
        List<JsonObject> page =
                offset >= sorted.size() ? List.of() : sorted.subList(offset, Math.min(sorted.size(), offset + limit));
        com.google.gson.JsonArray array = new com.google.gson.JsonArray();
        page.forEach(array::add);
        Response response = Response.ok(array);
        if ("true".equalsIgnoreCase(request.query("count"))) {
            response = response.withHeader("X-Total-Count", Integer.toString(sorted.size()));
        }
        return response;
    }

    private static int intParameter(Request request, String name, int fallback) {
        String text = request.query(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + " '" + text + "': use a whole number.");
        }
        if (value < 0) {
            throw ApiException.badRequest("Invalid " + name + " " + value + ": use 0 or more.");
        }
        return value;
    }

    /** Builds a comparator for sorters such as {@code name,-created}; returns null when {@code text} is blank. */
    static Comparator<JsonObject> sorters(String text, Set<String> sortable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Comparator<JsonObject> order = null;
        for (String part : text.split(",")) {
            String field = part.trim();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            if (!sortable.contains(field)) {
                throw ApiException.badRequest("Invalid sorter '" + part.trim() + "': sortable fields are "
                        + String.join(", ", new TreeSet<>(sortable)) + " (prefix '-' for descending).");
            }
            String key = field;
            Comparator<JsonObject> next = Comparator.comparing(
                    (JsonObject object) -> sortKey(object, key), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (descending) {
                next = next.reversed();
            }
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }

    private static String sortKey(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
