package io.github.iscworkflows.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that advances only when the client sleeps, and records every sleep. */
final class FakeTime implements ClientTime {

    private long nanos = 1_000_000_000L;
    private Instant wallClock = Instant.parse("2026-12-04T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return wallClock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        wallClock = wallClock.plus(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
