package io.github.iscworkflows.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/** Delays between attempts: {@code Retry-After} when the server sends one, else exponential backoff with jitter. */
final class RetryPolicy {

    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final DoubleSupplier random;

    RetryPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * Delay before retry number {@code retry} (0 for the first retry): {@code 500 ms * 2^retry}, capped at
     * 30 s, then scaled by a random factor between 0.5 and 1 so that parallel clients spread out.
     */
    Duration backoff(int retry) {
        long base = BASE_DELAY.toMillis() << Math.min(retry, 16);
        long capped = Math.min(base, MAX_DELAY.toMillis());
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /**
     * Reads a {@code Retry-After} value: delay seconds or an HTTP date. Returns null when the header is
     * absent or unreadable; a date in the past gives zero.
     */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            // an HTTP date, handled below
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration delay = Duration.between(now, at);
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
