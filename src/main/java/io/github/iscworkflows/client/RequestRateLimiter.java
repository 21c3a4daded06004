package io.github.iscworkflows.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit on requests: at most {@code maxRequests} start within any {@code window}.
 *
 * <p>ISC allows 100 requests per 10 seconds per client id; {@link #shared} hands every client of one
 * JVM that uses the same client id and tenant the same limiter, so parallel goals and threads add up.
 * Thread-safe.
 */
public final class RequestRateLimiter {

    /** Requests per {@link #DEFAULT_WINDOW}: ISC's limit of 100 minus a margin for clock drift. */
    public static final int DEFAULT_MAX_REQUESTS = 95;

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    private static final Map<String, RequestRateLimiter> SHARED = new ConcurrentHashMap<>();

    private final int maxRequests;
    private final long windowNanos;
    private final ClientTime time;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    public RequestRateLimiter(int maxRequests, Duration window, ClientTime time) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests);
        }
        this.maxRequests = maxRequests;
        this.windowNanos = window.toNanos();
        this.time = time;
    }

    /** Returns the limiter with the default limit for {@code key} (client id and tenant host), created on first use. */
    public static RequestRateLimiter shared(String key) {
        return SHARED.computeIfAbsent(
                key, k -> new RequestRateLimiter(DEFAULT_MAX_REQUESTS, DEFAULT_WINDOW, ClientTime.system()));
    }

    /** Waits until a request may start within the limit, then records its start. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = time.nanoTime();
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (starts.size() < maxRequests) {
                    starts.addLast(now);
                    return;
                }
                wait = starts.peekFirst() + windowNanos - now;
            }
            time.sleep(Duration.ofNanos(Math.max(wait, 1)));
        }
    }
}
