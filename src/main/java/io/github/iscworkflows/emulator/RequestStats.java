package io.github.iscworkflows.emulator;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API requests the emulator received, by {@code "METHOD /path-template"} (for example
 * {@code GET /workflows/{id}}, without the version prefix). Every received request counts, also those
 * answered with 401, 429 or an injected fault; calls to {@code /emulator/...} do not.
 */
public final class RequestStats {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    void record(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        total.incrementAndGet();
    }

    /** Number of requests received since start or the last {@link #reset()}. */
    public long total() {
        return total.get();
    }

    /** Number of requests for one key such as {@code PATCH /workflows/{id}}; 0 when none. */
    public long count(String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }

    /** All counts, sorted by key. */
    public Map<String, Long> counts() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, adder) -> sorted.put(key, adder.sum()));
        return sorted;
    }

    public void reset() {
        counts.clear();
        total.set(0);
    }

    /** {@code {"total": 3, "requests": {"GET /workflows": 2, ...}}}. */
    JsonObject toJson() {
        JsonObject requests = new JsonObject();
        counts().forEach(requests::addProperty);
        JsonObject json = new JsonObject();
        json.addProperty("total", total());
        json.add("requests", requests);
        return json;
    }
}
