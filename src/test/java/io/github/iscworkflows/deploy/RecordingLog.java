package io.github.iscworkflows.deploy;

import io.github.iscworkflows.support.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A log that keeps its lines, prefixed with the level, for assertions. */
final class RecordingLog implements BuildLog {

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

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String text() {
        return String.join("\n", lines());
    }
}
