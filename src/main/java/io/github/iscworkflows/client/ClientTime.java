package io.github.iscworkflows.client;

import java.time.Duration;
import java.time.Instant;

/** The clock and the sleep the client uses, so that tests can replace waiting with bookkeeping. */
public interface ClientTime {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock time, used to read {@code Retry-After} dates. */
    Instant now();

    /** Waits for {@code duration}; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;

    /** The system clock and {@link Thread#sleep(long)}. */
    static ClientTime system() {
        return SystemTime.INSTANCE;
    }

    /** {@link ClientTime#system()}. */
    enum SystemTime implements ClientTime {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    }
}
