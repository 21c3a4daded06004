package io.github.iscworkflows.support;

/**
 * Logging sink for the plain-Java core, so that the core runs with or without Maven.
 *
 * <p>The Maven adapter forwards to the mojo's {@code Log}; tests collect the lines.
 * Callers never pass secrets: the sink does not mask anything.
 */
public interface BuildLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    boolean isDebugEnabled();

    /** A log that drops every line. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void debug(String message) {}

            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }
}
