package io.github.iscworkflows.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The current OAuth access token, fetched on first use and again shortly before it expires.
 * Thread-safe: concurrent callers share one fetch.
 */
final class AccessTokenCache {

    /** Fetches a new token from the token endpoint. */
    interface Fetcher {
        Grant fetch() throws IscException;
    }

    /** A token and its lifetime as the token response states it. */
    record Grant(String token, Duration lifetime) {}

    /** Refresh this long before expiry, or at half the lifetime for tokens shorter than twice this. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    /** The longest lifetime the cache believes; a token is fetched again after a day at the latest. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    private final Fetcher fetcher;
    private final ClientTime time;
    private String token;
    private long refreshAtNanos;

    AccessTokenCache(Fetcher fetcher, ClientTime time) {
        this.fetcher = fetcher;
        this.time = time;
    }

    /** Returns a token that is valid for at least a little while, fetching one when needed. */
    synchronized String token() throws IscException {
        if (token == null || time.nanoTime() - refreshAtNanos >= 0) {
            long fetchedAt = time.nanoTime();
            Grant grant = fetcher.fetch();
            // A token response may state any lifetime; beyond a day it only risks overflowing the clock.
            Duration lifetime = grant.lifetime().compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : grant.lifetime();
            Duration margin =
                    lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
            token = grant.token();
            refreshAtNanos = fetchedAt + lifetime.minus(margin).toNanos();
        }
        return token;
    }

    /** Drops {@code rejected} after the server refused it, unless another thread already replaced it. */
    synchronized void invalidate(String rejected) {
        if (Objects.equals(rejected, token)) {
            token = null;
        }
    }
}
