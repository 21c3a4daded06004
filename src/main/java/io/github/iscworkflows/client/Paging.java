package io.github.iscworkflows.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.github.iscworkflows.support.BuildLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a whole collection page by page with {@code limit} and {@code offset}.
 *
 * <p>A short page ends the listing. When the server sends {@code X-Total-Count}, a listing that ends
 * with fewer items throws, because callers decide "absent, so create" from it. A failed page throws too:
 * there are no partial results. Both throw {@link ListingException} once the first page was read, so that
 * callers can tell a listing that broke part-way (for example at an offset ceiling) from one that never
 * started.
 */
final class Paging {

    /** The largest {@code limit} ISC accepts. */
    static final int PAGE_SIZE = 250;

    /** Guard against a server that sends new full pages forever; a repeated page is caught by its ids. */
    static final int MAX_PAGES = 2_000;

    private final IscTransport transport;
    private final BuildLog log;

    /** Paths whose first page was rejected with {@code count=true} and accepted without it. */
    private final Set<String> countRejected = ConcurrentHashMap.newKeySet();

    Paging(IscTransport transport, BuildLog log) {
        this.transport = transport;
        this.log = log;
    }

    List<JsonObject> listObjects(String path, String filters) throws IscException {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement element : listArray(path, filters)) {
            objects.add(element.getAsJsonObject());
        }
        return objects;
    }

    /** Reads every page; every element is a JSON object. */
    JsonArray listArray(String path, String filters) throws IscException {
        JsonArray all = new JsonArray();
        Long total = null;
        int offset = 0;
        Map<String, Integer> firstOffsets = new HashMap<>();
        for (int page = 0; ; page++) {
            if (page == MAX_PAGES) {
                throw new IscException(
                        "GET " + path + " returned more than " + MAX_PAGES + " full pages; the server seems to ignore"
                                + " the offset parameter, so the listing was stopped.",
                        0);
            }
            IscRequest request = pageRequest(path, filters, offset, !countRejected.contains(path));
            HttpResult result;
            try {
                result = transport.send(request);
            } catch (IscException e) {
                boolean countSuspect =
                        e.status() == 400 && offset == 0 && filters == null && !(e instanceof TokenRequestException);
                if (offset > 0 && !(e instanceof TokenRequestException)) {
                    throw ListingException.failedPage(e, offset);
                }
                if (!countSuspect || countRejected.contains(path)) {
                    throw e;
                }
                // NOTE: the v2025 OpenAPI does not list query parameters for every collection, so a
                // tenant might reject count=true. Ask once more without it, and remember if that works.
                request = pageRequest(path, null, offset, false);
                result = transport.send(request);
                countRejected.add(path);
                log.info("GET " + path + " rejected count=true (" + e.getMessage() + "), so listings there no longer"
                        + " send it; an incomplete listing is then noticed only by a short page.");
            }
            JsonArray items = array(request, result);
            checkIds(path, items, offset, firstOffsets);
            Long pageTotal = totalCount(result);
            if (pageTotal != null) {
                total = pageTotal;
            }
            all.addAll(items);
            offset += items.size();
            if (items.size() < PAGE_SIZE || (total != null && offset >= total)) {
                break;
            }
        }
        if (total != null && all.size() < total) {
            throw ListingException.truncated(
                    "GET " + path + " listed " + all.size() + " of " + total + " items (X-Total-Count); the listing is"
                            + " incomplete, so no decision is taken from it. Run the build again; if it persists,"
                            + " the tenant's paging is failing.",
                    all.size());
        }
        return all;
    }

    /**
     * Fails a listing whose page at {@code offset} holds only ids listed before (the server ignores the
     * offset) or repeats one id (the collection shifted while it was read, so items may also have been
     * skipped). Items without a string {@code id} are not checked. {@code firstOffsets} maps each id seen so
     * far to the offset where it appeared.
     */
    private static void checkIds(String path, JsonArray items, int offset, Map<String, Integer> firstOffsets)
            throws ListingException {
        int withId = 0;
        String repeated = null;
        for (int i = 0; i < items.size(); i++) {
            String id = idOf(items.get(i));
            if (id == null) {
                continue;
            }
            withId++;
            Integer earlier = firstOffsets.putIfAbsent(id, offset + i);
            if (earlier != null && repeated == null) {
                repeated = id;
            }
        }
        if (repeated == null) {
            return;
        }
        int read = firstOffsets.size();
        boolean wholePage = withId > 0 && items.size() == withId && allSeenBefore(items, offset, firstOffsets);
        if (offset > 0 && wholePage) {
            throw ListingException.truncated(
                    "GET " + path + " repeats the page at offset " + offset + ": every item on it was listed at an"
                            + " earlier offset, so the server seems to ignore the offset parameter. The listing was"
                            + " stopped and no decision is taken from it; if a proxy or gateway sits in front of the"
                            + " tenant, check that it passes the query string on.",
                    read);
        }
        throw ListingException.truncated(
                "GET " + path + " listed the item with id " + repeated + " twice (offsets "
                        + firstOffsets.get(repeated) + " and " + offsetOf(items, repeated, offset, firstOffsets)
                        + "): the collection changed while it was read, so items may be missing as well. No"
                        + " decision is taken from the listing; run the build again.",
                read);
    }

    private static String idOf(JsonElement item) {
        JsonElement id = item.getAsJsonObject().get("id");
        return id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isString() ? id.getAsString() : null;
    }

    private static boolean allSeenBefore(JsonArray items, int offset, Map<String, Integer> firstOffsets) {
        for (JsonElement item : items) {
            String id = idOf(item);
            if (firstOffsets.get(id) >= offset) {
                return false;
            }
        }
        return true;
    }

    /** Returns the offset of the second occurrence of {@code id} on this page. */
    private static int offsetOf(JsonArray items, String id, int offset, Map<String, Integer> firstOffsets) {
        int first = firstOffsets.get(id);
        for (int i = 0; i < items.size(); i++) {
            if (offset + i != first && id.equals(idOf(items.get(i)))) {
                return offset + i;
            }
        }
        return offset;
    }

    private static IscRequest pageRequest(String path, String filters, int offset, boolean count) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(Map.entry("limit", String.valueOf(PAGE_SIZE)));
        query.add(Map.entry("offset", String.valueOf(offset)));
        if (count) {
            query.add(Map.entry("count", "true"));
        }
        if (filters != null) {
            query.add(Map.entry("filters", filters));
        }
        return IscRequest.api("GET", path, query, null, null);
    }

    private JsonArray array(IscRequest request, HttpResult result) throws IscException {
        try {
            JsonElement body = JsonBodies.parse(result.body());
            if (body.isJsonArray()) {
                JsonArray array = body.getAsJsonArray();
                boolean allObjects = true;
                for (JsonElement element : array) {
                    allObjects &= element.isJsonObject();
                }
                if (allObjects) {
                    return array;
                }
            }
        } catch (JsonParseException e) {
            // reported below with an excerpt of the body
        }
        throw transport.errors().unreadableBody(request.method(), request.path(), result, "a JSON array of objects");
    }

    private static Long totalCount(HttpResult result) {
        String value = result.header("X-Total-Count");
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
