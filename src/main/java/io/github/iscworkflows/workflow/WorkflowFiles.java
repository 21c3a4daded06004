package io.github.iscworkflows.workflow;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists the workflow files under a folder, applying Ant-style include and exclude patterns. */
public final class WorkflowFiles {

    private static final List<String> DEFAULT_INCLUDES = List.of("**/*.json");

    private WorkflowFiles() {}

    /**
     * Returns the matching regular files, sorted by path so that every run reads them in the same
     * order. A missing folder yields an empty list.
     */
    public static List<Path> list(Path directory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<PathMatcher> include = matchers(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        List<PathMatcher> exclude = matchers(excludes == null ? List.of() : excludes);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path relative = directory.relativize(file);
                if (matchesAny(include, relative) && !matchesAny(exclude, relative)) {
                    files.add(file);
                }
            });
        }
        files.sort(null);
        return files;
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        FileSystem fileSystem = FileSystems.getDefault();
        List<PathMatcher> result = new ArrayList<>();
        for (String pattern : patterns) {
            String glob = pattern.replace('\\', '/');
            if (glob.endsWith("/")) {
                glob = glob + "**";
            }
            result.add(fileSystem.getPathMatcher("glob:" + glob));
            // Ant's "**/" also matches no folder at all, which Java's glob syntax does not.
            while (glob.startsWith("**/")) {
                glob = glob.substring(3);
                result.add(fileSystem.getPathMatcher("glob:" + glob));
            }
        }
        return result;
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }
}
