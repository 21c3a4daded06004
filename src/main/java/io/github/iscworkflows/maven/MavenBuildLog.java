package io.github.iscworkflows.maven;

import io.github.iscworkflows.support.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Forwards the core's log lines to the mojo's Maven log. */
final class MavenBuildLog implements BuildLog {

    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
