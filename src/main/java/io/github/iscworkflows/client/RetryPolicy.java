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
     * The longest {@code Retry-After} the client represents; larger values are clamped to it, which is far
     * beyond any retry budget, so they end the retries without overflowing time arithmetic.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(365);

    /**
     * Reads a {@code Retry-After} value: delay seconds or an HTTP date. Returns null when the header is
     * absent or unreadable; a date in the past gives zero; values beyond {@link #MAX_RETRY_AFTER}, however
     * many digits they have, give {@link #MAX_RETRY_AFTER}.
     */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d+")) {
            String digits = trimmed.replaceFirst("^0+(?=\\d)", "");
            if (digits.length() > 12) {
                return MAX_RETRY_AFTER;
            }
            return clamp(Duration.ofSeconds(Long.parseLong(digits)));
        }
        if (trimmed.matches("[-+]\\d+")) {
            return null;
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration delay = Duration.between(now, at);
            return delay.isNegative() ? Duration.ZERO : clamp(delay);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration clamp(Duration delay) {
        return delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay;
    }
}
