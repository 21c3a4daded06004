package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.IscEmulator;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.project.MavenProject;

/**
 * The emulators started by {@code emulator-start}, by project, so that {@code emulator-stop} finds
 * its instance. Maven keeps one plugin class realm per build, so the map lives as long as the build.
 * Instances still running when the JVM exits are stopped by a shutdown hook, which writes their dumps.
 */
final class EmulatorRegistry {

    private static final Map<String, IscEmulator> RUNNING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> new ArrayList<>(RUNNING.values()).forEach(IscEmulator::stop),
                        "isc-emulator-registry-shutdown"));
    }

    private EmulatorRegistry() {}

    /** {@code groupId:artifactId:version} and base folder, or {@code standalone} without a project. */
    static String keyOf(MavenProject project) {
        if (project == null) {
            return "standalone";
        }
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion()
                + (project.getBasedir() == null ? "" : " in " + project.getBasedir());
    }

    static IscEmulator get(String key) {
        return RUNNING.get(key);
    }

    static void put(String key, IscEmulator emulator) {
        RUNNING.put(key, emulator);
    }

    static IscEmulator remove(String key) {
        return RUNNING.remove(key);
    }
}
