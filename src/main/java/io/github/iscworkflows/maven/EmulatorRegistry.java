package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.IscEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.project.MavenProject;

/**
 * The emulators started by {@code emulator-start}, by project, so that {@code emulator-stop} finds
 * its instance and the property values to restore. Maven keeps one plugin class realm per build, so
 * the map lives as long as the build. Instances still running when the JVM exits are stopped by a
 * shutdown hook, which writes their dumps.
 */
final class EmulatorRegistry {

    /** The properties {@code emulator-start} sets. */
    static final String[] PROPERTIES = {"isc.url", "isc.clientId", "isc.clientSecret"};

    /**
     * A running emulator with the values its start replaced: a null value means the property was unset.
     */
    record Started(
            IscEmulator emulator,
            Map<String, String> previousUserProperties,
            Map<String, String> previousProjectProperties) {}

    private static final Map<String, Started> RUNNING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> new ArrayList<>(RUNNING.values())
                                .forEach(started -> started.emulator().stop()),
                        "isc-emulator-registry-shutdown"));
    }

    private EmulatorRegistry() {}

    /** Returns {@code groupId:artifactId:version}, or {@code standalone} without a project. */
    static String keyOf(MavenProject project) {
        if (project == null) {
            return "standalone";
        }
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    static IscEmulator get(String key) {
        Started started = RUNNING.get(key);
        return started == null ? null : started.emulator();
    }

    static void put(String key, Started started) {
        RUNNING.put(key, started);
    }

    static Started remove(String key) {
        return RUNNING.remove(key);
    }

    /** Copies the current values of {@link #PROPERTIES}; a null value marks an unset property. */
    static Map<String, String> capture(Properties properties) {
        Map<String, String> values = new HashMap<>();
        for (String name : PROPERTIES) {
            values.put(name, properties == null ? null : properties.getProperty(name));
        }
        return values;
    }

    /** Puts back values captured by {@link #capture}, removing properties that were unset. */
    static void restore(Properties properties, Map<String, String> values) {
        if (properties == null) {
            return;
        }
        values.forEach((name, value) -> {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.setProperty(name, value);
            }
        });
    }
}
