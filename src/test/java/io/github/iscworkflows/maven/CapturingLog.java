package io.github.iscworkflows.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps each line as "level message" for assertions. */
final class CapturingLog implements Log {

    final List<String> lines = new ArrayList<>();

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(CharSequence content) {}

    @Override
    public void debug(CharSequence content, Throwable error) {}

    @Override
    public void debug(Throwable error) {}

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        lines.add("info " + content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        info(content);
    }

    @Override
    public void info(Throwable error) {
        info(error.toString());
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("warn " + content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        warn(content);
    }

    @Override
    public void warn(Throwable error) {
        warn(error.toString());
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        lines.add("error " + content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        error(content);
    }

    @Override
    public void error(Throwable error) {
        error(error.toString());
    }
}
