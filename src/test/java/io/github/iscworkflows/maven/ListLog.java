package io.github.iscworkflows.maven;

import io.github.iscworkflows.support.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A debug-enabled log that keeps every line, prefixed with its level. */
final class ListLog implements BuildLog {

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

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
}
