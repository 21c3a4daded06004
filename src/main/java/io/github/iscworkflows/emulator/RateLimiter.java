package io.github.iscworkflows.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ISC's rate limit: at most {@code limit} requests per window for each client id and API version.
 * Fixed windows start at a key's first request.
 */
final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts one request; returns 0 when it may pass, else the seconds until the window ends (at least 1). */
    long acquire(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        long[] window = windows.computeIfAbsent(key, k -> new long[] {now, 0});
        synchronized (window) {
            if (now - window[0] >= windowNanos) {
                window[0] = now;
                window[1] = 0;
            }
            if (window[1] < limit) {
                window[1]++;
                return 0;
            }
            long leftNanos = windowNanos - (now - window[0]);
            return Math.max(1, (leftNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
