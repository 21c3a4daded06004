package io.github.iscworkflows.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A debug-enabled log that keeps every line, prefixed with its level, for assertions. */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void debug(String message) {
        lines.add("[debug] " + message);
    }

    @Override
    public void info(String message) {
        lines.add("[info] " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("[warn] " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    /** A snapshot of the lines logged so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines joined with newlines. */
    public String text() {
        return String.join("\n", lines());
    }
}
