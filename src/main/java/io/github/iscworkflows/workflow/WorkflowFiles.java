package io.github.iscworkflows.workflow;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the workflow files under a folder, applying Ant-style include and exclude patterns. Symbolic
 * links to files and folders are followed; a broken link and a link back to an enclosing folder become
 * problems.
 */
public final class WorkflowFiles {

    /** Rule id of a symbolic link whose target does not exist. */
    public static final String RULE_SYMLINK_BROKEN = "symlink-broken";

    /** Rule id of a symbolic link that leads back to a folder containing it, or to itself through other links. */
    public static final String RULE_SYMLINK_LOOP = "symlink-loop";

    private static final List<String> DEFAULT_INCLUDES = List.of("**/*.json");

    /**
     * The files to read and the links that could not be followed.
     *
     * @param files matching regular files, sorted by path
     * @param problems a {@code symlink-broken} or {@code symlink-loop} error per link, with the link's path
     *     relative to the folder
     */
    public record Listing(List<Path> files, List<Problem> problems) {}

    private WorkflowFiles() {}

    /** Returns the matching files only; see {@link #scan}. */
    public static List<Path> list(Path directory, List<String> includes, List<String> excludes) throws IOException {
        return scan(directory, includes, excludes).files();
    }

    /**
     * Returns the matching regular files, sorted by path so that every run reads them in the same order,
     * with a problem for each broken link a pattern selects and each link loop not excluded. A missing
     * folder yields an empty listing.
     *
     * @throws NotDirectoryException when {@code directory} is an existing file, which callers should
     *     report as a configuration mistake
     */
    public static Listing scan(Path directory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.exists(directory)) {
            return new Listing(List.of(), List.of());
        }
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        List<PathMatcher> include = matchers(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        List<PathMatcher> exclude = matchers(excludes == null ? List.of() : excludes);
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Files.walkFileTree(
                directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        Path relative = directory.relativize(file);
                        if (!matchesAny(include, relative) || matchesAny(exclude, relative)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attributes.isRegularFile()) {
                            files.add(file);
                        } else if (attributes.isSymbolicLink()) {
                            // With FOLLOW_LINKS, the walker hands over a link's own attributes only when
                            // its target cannot be read, which for a link means the target is missing.
                            problems.add(brokenLink(file, relative));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (!(e instanceof FileSystemLoopException)) {
                            throw e;
                        }
                        Path relative = directory.relativize(file);
                        // A pattern such as "sub/back/**" names the files inside the folder, not the folder.
                        if (!matchesAny(exclude, relative) && !matchesAny(exclude, relative.resolve("x.json"))) {
                            problems.add(new Problem(
                                    display(relative),
                                    SourcePosition.START,
                                    Severity.ERROR,
                                    RULE_SYMLINK_LOOP,
                                    "the symbolic link leads back to a folder that contains it, so its files would"
                                            + " be read forever; it was not followed. Point the link elsewhere, or"
                                            + " leave the folder out with <excludes>."));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        problems.sort(Problem.ORDER);
        return new Listing(files, problems);
    }

    private static Problem brokenLink(Path file, Path relative) {
        if (isLinkChainLoop(file)) {
            return new Problem(
                    display(relative),
                    SourcePosition.START,
                    Severity.ERROR,
                    RULE_SYMLINK_LOOP,
                    "the symbolic link is part of a chain of links that leads back to itself, so it names no file."
                            + " Point the link at a real file, or delete it.");
        }
        String target;
        try {
            target = " to " + Files.readSymbolicLink(file);
        } catch (IOException | UnsupportedOperationException e) {
            target = "";
        }
        return new Problem(
                display(relative),
                SourcePosition.START,
                Severity.ERROR,
                RULE_SYMLINK_BROKEN,
                "the symbolic link points" + target + ", which does not exist, so the file cannot be read. Fix the"
                        + " link target or delete the link.");
    }

    /** Follows a chain of links one hop at a time and returns whether it comes back to a link already seen. */
    private static boolean isLinkChainLoop(Path link) {
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        try {
            while (Files.isSymbolicLink(current)) {
                if (!seen.add(current)) {
                    return true;
                }
                Path parent = current.getParent();
                current = (parent == null ? current : parent)
                        .resolve(Files.readSymbolicLink(current))
                        .normalize();
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        return false;
    }

    private static String display(Path relative) {
        return relative.toString().replace('\\', '/');
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
