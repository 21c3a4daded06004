package io.github.iscworkflows.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps info and warning lines, prefixed with the level, and still prints them. */
final class RecordingMavenLog extends SystemStreamLog {

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(CharSequence content) {
        lines.add("[info] " + content);
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[warn] " + content);
        super.warn(content);
    }

    String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
